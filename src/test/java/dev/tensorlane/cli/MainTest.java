package dev.tensorlane.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line program end to end, in process: train, save, plots, eval, predict, and bad arguments. */
class MainTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trainSavesAModelThatEvalAndPredictUse() throws Exception {
        Path model = dir.resolve("mlp.tlnm");
        Path plots = dir.resolve("plots");
        Run train = run("train", "--epochs", "2", "--save", model.toString(), "--plots", plots.toString());
        assertEquals(0, train.status(), train.err());
        assertTrue(train.out().contains("epoch  2/2"), train.out());
        assertTrue(train.out().contains("confusion matrix"), train.out());
        String last = train.out().lines().filter(l -> l.startsWith("test accuracy: ")).findFirst().orElseThrow();
        double accuracy = Double.parseDouble(last.substring("test accuracy: ".length()));
        assertTrue(accuracy > 0.85, last);
        assertTrue(train.err().contains("samples/s"), "progress on stderr: " + train.err());
        assertEquals(720, ImageIO.read(plots.resolve("loss-accuracy.png").toFile()).getWidth());
        assertNotNull(ImageIO.read(plots.resolve("confusion.png").toFile()));

        Run eval = run("eval", "--model", model.toString());
        assertEquals(0, eval.status(), eval.err());
        assertTrue(eval.out().contains(last), "eval reproduces the final accuracy: " + eval.out());

        Path idx = Path.of("data", "mnist-10k", "mnist-10k-images-idx3-ubyte.gz");
        Run predict = run("predict", "--model", model.toString(), "--idx", idx.toString(), "--index", "9000");
        assertEquals(0, predict.status(), predict.err());
        assertEquals(11, predict.out().lines().count(), predict.out());
        assertTrue(predict.out().contains("predicted: "));

        // The same image as a PNG gives the same answer.
        var image = new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_INT_RGB);
        byte[] pixels = dev.tensorlane.data.Idx.readImages(idx).pixels();
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int v = pixels[9000 * 784 + y * 28 + x] & 0xff;
                image.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
        Path png = dir.resolve("digit.png");
        ImageIO.write(image, "png", png.toFile());
        Run fromPng = run("predict", "--model", model.toString(), "--image", png.toString());
        assertEquals(predict.out(), fromPng.out());
    }

    @Test
    void pytorchWeightsAreImportedEvaluatedAndExportedBack() throws Exception {
        Path fixture = Path.of("src", "test", "resources", "dev", "tensorlane", "io", "pytorch", "mlp_fc.npz");
        Path model = dir.resolve("imported.tlnm");
        Run imported = run("import", "--weights", fixture.toString(), "--save", model.toString());
        assertEquals(0, imported.status(), imported.err());
        assertTrue(imported.out().contains("fc1.weight       F32   [128, 784]"), imported.out());
        assertTrue(imported.out().contains("model: Linear(784, 128) -> ReLU() -> Linear(128, 64) -> ReLU() -> Linear(64, 10)"));

        Run fromModel = run("eval", "--model", model.toString());
        Run fromWeights = run("eval", "--weights", fixture.toString());
        assertEquals(0, fromWeights.status(), fromWeights.err());
        assertEquals(fromModel.out(), fromWeights.out(), "the same network either way");
        assertTrue(fromWeights.out().contains("test accuracy: 0.8"), fromWeights.out());

        Path idx = Path.of("data", "mnist-10k", "mnist-10k-images-idx3-ubyte.gz");
        Run predict = run("predict", "--weights", fixture.toString(), "--idx", idx.toString(), "--index", "8000");
        assertEquals(0, predict.status(), predict.err());
        assertTrue(predict.out().contains("predicted: "), predict.out());

        Path exported = dir.resolve("back.safetensors");
        Run export = run("export", "--model", model.toString(), "--out", exported.toString(), "--names", "fc");
        assertEquals(0, export.status(), export.err());
        assertTrue(export.out().contains("fc1, fc2, fc3"), export.out());
        Path again = dir.resolve("again.tlnm");
        assertEquals(0, run("import", "--weights", exported.toString(), "--save", again.toString()).status());
        assertArrayEquals(Files.readAllBytes(model), Files.readAllBytes(again), "export then import is lossless");

        var e = assertThrows(IllegalArgumentException.class,
                () -> run("eval", "--model", model.toString(), "--weights", fixture.toString()));
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("eval", "--model", model.toString(), "--map", "a=0"));
        assertTrue(e.getMessage().contains("go with --weights"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> run("export", "--model", model.toString(), "--out", dir.resolve("x.npz").toString(), "--dtype", "f8"));
        assertTrue(e.getMessage().contains("--dtype f8 is not f32, f16 or bf16"), e.getMessage());
        assertThrows(java.io.IOException.class, () -> run("import", "--weights", model.toString(), "--save",
                dir.resolve("y.tlnm").toString()), "a Tensorlane model is not a weights file");
        assertTrue(run("import", "--help").out().contains("--map"));
        assertTrue(run("export", "--help").out().contains("--names"));
    }

    /** The warm-up trains a throwaway copy: the run's losses and accuracies are the same without it. */
    @Test
    void theJitWarmupChangesNoNumberOfTheRun() throws Exception {
        Run on = run("train", "--epochs", "1", "--warmup", "on");
        Run off = run("train", "--epochs", "1", "--warmup", "off");
        assertEquals(0, on.status(), on.err());
        assertEquals(0, off.status(), off.err());
        assertEquals(withoutTimes(off.out()), withoutTimes(on.out()));
        assertTrue(on.out().contains("test accuracy: "), on.out());
    }

    /** The output with the seconds and samples/s of each epoch line taken out. */
    private static String withoutTimes(String out) {
        return out.replaceAll("  [0-9.]+ s \\([0-9]+ samples/s\\)", "");
    }

    @Test
    void badArgumentsAreClearErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> run("train", "--epochs", "0"));
        assertTrue(e.getMessage().contains("--epochs 0 is not a positive integer"));
        e = assertThrows(IllegalArgumentException.class, () -> run("train", "--optimiser", "adam"));
        assertTrue(e.getMessage().contains("unknown option --optimiser"));
        e = assertThrows(IllegalArgumentException.class, () -> run("train", "--batch", "9000"));
        assertTrue(e.getMessage().contains("larger than the data"));
        e = assertThrows(IllegalArgumentException.class, () -> run("train", "--warmup", "maybe"));
        assertTrue(e.getMessage().contains("--warmup maybe"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("train", "--model", "resnet"));
        assertTrue(e.getMessage().contains("not one of mlp, sigmoid"));
        assertThrows(java.io.IOException.class, () -> run("train", "--data", dir.resolve("none").toString()));
        e = assertThrows(IllegalArgumentException.class, () -> run("train", "--deskew", "maybe"));
        assertTrue(e.getMessage().contains("--deskew maybe is not one of on, off"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("train", "--label-smoothing", "2"));
        assertTrue(e.getMessage().contains("--label-smoothing 2.0 must be <= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> run("train", "--label-smoothing", "-0.1"));
        assertTrue(e.getMessage().contains("must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> run("eval", "--model", dir.resolve("m.tlnm").toString(), "--deskew", "on"));
        assertTrue(e.getMessage().contains("a saved model knows its preprocessing"), e.getMessage());
    }

    @Test
    void helpAndUnknownCommands() throws Exception {
        assertTrue(run("--help").out().contains("--optimizer"));
        assertTrue(run("help").out().contains("predict"));
        assertEquals(2, run("fly").status());
    }
}
