package dev.tensorlane.io;

import static org.junit.jupiter.api.Assertions.*;

import dev.tensorlane.Activation;
import dev.tensorlane.nn.Linear;
import dev.tensorlane.nn.Models;
import dev.tensorlane.nn.Parameter;
import dev.tensorlane.nn.Sequential;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** state_dict names, shape checks and round trips between Tensorlane networks and PyTorch weight files. */
class PyTorchWeightsTest {
    @TempDir
    Path dir;

    private static List<float[]> values(Sequential model) {
        List<float[]> v = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            v.add(p.value().clone());
        }
        return v;
    }

    private static void assertSameWeights(List<float[]> expected, Sequential model) {
        List<Parameter> ps = model.parameters();
        assertEquals(expected.size(), ps.size());
        for (int i = 0; i < ps.size(); i++) {
            assertArrayEquals(expected.get(i), ps.get(i).value(), ps.get(i).name());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"m.npz", "m.safetensors"})
    void exportThenImportGivesBitIdenticalWeightsUnderEveryNaming(String name) throws IOException {
        for (PyTorchWeights.Naming naming : PyTorchWeights.Naming.values()) {
            Sequential model = naming == PyTorchWeights.Naming.HIDDEN_OUTPUT ? Models.sigmoid(Models.Init.PYTORCH, 1)
                    : Models.mlp(Models.Init.PYTORCH, 1);
            Path file = dir.resolve(naming + name);
            PyTorchWeights.save(model, file, naming, Dtype.F32);
            Sequential loaded = PyTorchWeights.load(file, null, Map.of());
            assertEquals(model.toString(), loaded.toString(), "architecture read back from the names");
            assertSameWeights(values(model), loaded);
            Sequential into = naming == PyTorchWeights.Naming.HIDDEN_OUTPUT ? Models.sigmoid(Models.Init.PYTORCH, 2)
                    : Models.mlp(Models.Init.PYTORCH, 2);
            PyTorchWeights.loadInto(into, file, Map.of());
            assertSameWeights(values(model), into);
        }
    }

    @Test
    void exportedNamesAreThoseOfTheMatchingPyTorchModules() throws IOException {
        Sequential mlp = Models.mlp(Models.Init.PYTORCH, 1);
        assertEquals(List.of("0", "2", "4"), PyTorchWeights.prefixes(mlp, PyTorchWeights.Naming.SEQUENTIAL));
        assertEquals(List.of("fc1", "fc2", "fc3"), PyTorchWeights.prefixes(mlp, PyTorchWeights.Naming.FC));
        assertThrows(IllegalArgumentException.class, () -> PyTorchWeights.prefixes(mlp, PyTorchWeights.Naming.HIDDEN_OUTPUT));
        Path file = dir.resolve("fc.safetensors");
        PyTorchWeights.save(mlp, file, PyTorchWeights.Naming.FC, Dtype.F32);
        try (WeightsFile w = WeightsFile.open(file)) {
            assertEquals(List.of("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias"),
                    w.tensors().stream().map(TensorInfo::name).toList());
            assertArrayEquals(new int[] {128, 784}, w.tensor("fc1.weight").shape());
            assertArrayEquals(new int[] {10}, w.tensor("fc3.bias").shape());
            assertEquals(Map.of("format", "pt"), w.metadata());
        }
        assertThrows(IllegalArgumentException.class,
                () -> PyTorchWeights.save(mlp, dir.resolve("x.npz"), PyTorchWeights.Naming.FC, Dtype.F16));
        assertThrows(IllegalArgumentException.class,
                () -> PyTorchWeights.save(mlp, dir.resolve("x.pt"), PyTorchWeights.Naming.FC, Dtype.F32));
    }

    @Test
    void halfPrecisionExportsRoundEachWeightToNearest() throws IOException {
        Sequential mlp = Models.mlp(Models.Init.PYTORCH, 4);
        for (Dtype dtype : List.of(Dtype.F16, Dtype.BF16)) {
            Path file = dir.resolve(dtype + ".safetensors");
            PyTorchWeights.save(mlp, file, PyTorchWeights.Naming.SEQUENTIAL, dtype);
            Sequential back = PyTorchWeights.load(file, null, Map.of());
            for (int i = 0; i < mlp.parameters().size(); i++) {
                float[] original = mlp.parameters().get(i).value(), read = back.parameters().get(i).value();
                for (int j = 0; j < original.length; j++) {
                    float expected = dtype == Dtype.F16 ? Dtype.halfToFloat(Dtype.floatToHalf(original[j]))
                            : Dtype.bfloat16ToFloat(Dtype.floatToBfloat16(original[j]));
                    assertEquals(expected, read[j], 0f);
                }
            }
        }
    }

    private Path stateDict(String file, String... prefixesAndSizes) throws IOException {
        // prefix, in, out triples
        SplittableRandom random = new SplittableRandom(3);
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < prefixesAndSizes.length; i += 3) {
            int in = Integer.parseInt(prefixesAndSizes[i + 1]), out = Integer.parseInt(prefixesAndSizes[i + 2]);
            float[] w = new float[in * out], b = new float[out];
            for (int j = 0; j < w.length; j++) {
                w[j] = (float) random.nextDouble(-1, 1);
            }
            tensors.add(new Tensor(prefixesAndSizes[i] + ".weight", new int[] {out, in}, w));
            tensors.add(new Tensor(prefixesAndSizes[i] + ".bias", new int[] {out}, b));
        }
        Path path = dir.resolve(file);
        NpzFile.write(path, tensors);
        return path;
    }

    @Test
    void layerOrderIsReadFromTheNamesNotFromTheFileOrder() throws IOException {
        // numeric, not lexicographic: 10 comes after 2
        Sequential s = PyTorchWeights.load(stateDict("a.npz", "10", "6", "2", "2", "4", "6"), null, Map.of());
        assertEquals("Linear(4, 6) -> ReLU() -> Linear(6, 2)", s.toString());
        s = PyTorchWeights.load(stateDict("b.npz", "output", "6", "2", "fc2", "5", "6", "fc1", "4", "5"), null, Map.of());
        assertEquals("Linear(4, 5) -> ReLU() -> Linear(5, 6) -> ReLU() -> Linear(6, 2)", s.toString());
        s = PyTorchWeights.load(stateDict("c.npz", "layers.1", "5", "3", "layers.0", "4", "5"), Activation.SIGMOID, Map.of());
        assertEquals("Linear(4, 5) -> Sigmoid() -> Linear(5, 3)", s.toString());
        s = PyTorchWeights.load(stateDict("d.npz", "output", "5", "3", "hidden", "4", "5"), null, Map.of());
        assertEquals("Linear(4, 5) -> Sigmoid() -> Linear(5, 3)", s.toString(), "the tutorial's first Network");
    }

    @Test
    void namesWithoutAnOrderNeedAnExplicitMapping() throws IOException {
        Path file = stateDict("e.npz", "encoder", "4", "5", "decoder", "5", "3");
        IOException e = assertThrows(IOException.class, () -> PyTorchWeights.load(file, null, Map.of()));
        assertTrue(e.getMessage().contains("cannot tell the order of the layers") && e.getMessage().contains("--map"),
                e.getMessage());
        Sequential s = PyTorchWeights.load(file, null, PyTorchWeights.parseMapping("encoder=0,decoder=2"));
        assertEquals("Linear(4, 5) -> ReLU() -> Linear(5, 3)", s.toString());
        Sequential into = new Sequential(new Linear(4, 5), new dev.tensorlane.nn.ReLU(5), new Linear(5, 3));
        PyTorchWeights.loadInto(into, file, Map.of("encoder", 0, "decoder", 2));
        assertSameWeights(values(s), into);
        e = assertThrows(IOException.class, () -> PyTorchWeights.loadInto(into, file, Map.of("encoder", 0, "decoder", 1)));
        assertTrue(e.getMessage().contains("does not name each Linear layer"), e.getMessage());
        e = assertThrows(IOException.class, () -> PyTorchWeights.load(file, null, Map.of("encoder", 0)));
        assertTrue(e.getMessage().contains("tensor 'decoder.weight' belongs to no layer of the mapping"), e.getMessage());
    }

    @Test
    void mismatchedFilesAreRefusedAndLeaveTheNetworkUntouched() throws IOException {
        Sequential mlp = Models.mlp(Models.Init.PYTORCH, 7);
        List<float[]> before = values(mlp);
        assertLoadRefused(mlp, stateDict("f.npz", "fc1", "784", "128", "fc2", "128", "64", "fc3", "64", "9"),
                "fc3.weight has shape [9, 64], layer 4 (Linear(64, 10)) needs [10, 64]");
        assertLoadRefused(mlp, stateDict("g.npz", "fc1", "784", "128", "fc2", "128", "64"), "has 2 layers [fc1, fc2], the network 3");
        NpzFile.write(dir.resolve("h.npz"), List.of(new Tensor("fc1.weight", new int[] {2, 2}, new float[4]),
                new Tensor("fc1.running_mean", new int[] {2}, new float[2])));
        assertLoadRefused(mlp, dir.resolve("h.npz"), "tensor 'fc1.running_mean' is neither a .weight nor a .bias");
        NpzFile.write(dir.resolve("i.npz"), List.of(new Tensor("0.weight", new int[] {10, 784}, new float[7840])));
        Sequential one = new Sequential(new Linear(784, 10));
        IOException e = assertThrows(IOException.class, () -> PyTorchWeights.loadInto(one, dir.resolve("i.npz"), Map.of()));
        assertTrue(e.getMessage().contains("no tensor '0.bias'"), e.getMessage());
        assertSameWeights(before, mlp);

        e = assertThrows(IOException.class, () -> PyTorchWeights.load(
                stateDict("j.npz", "fc1", "784", "128", "fc2", "100", "64"), null, Map.of()));
        assertTrue(e.getMessage().contains("fc2.weight [64, 100] takes 100 features, the layer before gives 128"), e.getMessage());
    }

    private void assertLoadRefused(Sequential model, Path file, String fragment) {
        IOException e = assertThrows(IOException.class, () -> PyTorchWeights.loadInto(model, file, Map.of()));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' lacks '" + fragment + "'");
    }

    @Test
    void mappingsAreParsedStrictly() {
        assertEquals(Map.of("fc1", 0, "fc2", 2), PyTorchWeights.parseMapping("fc1=0, fc2=2"));
        for (String bad : new String[] {"fc1", "fc1=", "=0", "fc1=x", "fc1=-1", "fc1=0,fc1=2", "a=0,b=0"}) {
            assertThrows(IllegalArgumentException.class, () -> PyTorchWeights.parseMapping(bad), bad);
        }
    }
}
