package dev.tensorlane.cli;

import dev.tensorlane.Activation;
import dev.tensorlane.data.Preprocessing;
import dev.tensorlane.io.Dtype;
import dev.tensorlane.io.PyTorchWeights;
import dev.tensorlane.io.TensorInfo;
import dev.tensorlane.io.WeightsFile;
import dev.tensorlane.nn.ModelFile;
import dev.tensorlane.nn.Sequential;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** {@code import} and {@code export}: PyTorch state_dicts in .npz or .safetensors files. */
final class Weights {
    private Weights() {}

    static final String IMPORT_USAGE = """
            usage: tensorlane import --weights FILE --save MODEL [--activation relu|sigmoid] [--map SPEC]
              reads a PyTorch state_dict saved as .npz (np.savez) or .safetensors and saves it as a Tensorlane model;
              eval and predict also take --weights FILE directly.
              The network is built from the weights: Linear layers in the order their names give (0, 2, 4 as in
              nn.Sequential; fc1, fc2, fc3; hidden, output), with --activation between them (default: sigmoid for
              hidden/output, as in the tutorial's first Network, relu otherwise).
              --map fc1=0,fc2=2,fc3=4   names the layers explicitly (prefix=Tensorlane layer index, counting the
                                        activations: only the order matters when the network is built here)
            """;
    static final String EXPORT_USAGE = """
            usage: tensorlane export --model MODEL --out FILE.npz|FILE.safetensors [--names N] [--dtype D]
              writes a Tensorlane model's weights as a state_dict that PyTorch's load_state_dict accepts
              --names sequential|fc|hidden-output   0.weight, 2.weight, ... (nn.Sequential; the default),
                                                    fc1.weight, ... or hidden.weight, output.weight
              --dtype f32|f16|bf16                  element type of a .safetensors file (default f32; .npz: f32)
            """;

    static Sequential load(Options o) throws IOException {
        Path file = Path.of(o.get("weights", ""));
        Activation act = switch (o.get("activation", "auto")) {
            case "auto" -> null;
            case "relu" -> Activation.RELU;
            case "sigmoid" -> Activation.SIGMOID;
            default -> throw new IllegalArgumentException("--activation " + o.get("activation", "")
                    + " is not relu or sigmoid");
        };
        Map<String, Integer> mapping = o.has("map") ? PyTorchWeights.parseMapping(o.get("map", "")) : Map.of();
        return PyTorchWeights.load(file, act, mapping);
    }

    static int importWeights(Options o, PrintStream out) throws IOException {
        Path file = Path.of(Predict.required(o, "weights"));
        Path save = Path.of(Predict.required(o, "save"));
        Sequential model = load(o);
        o.requireAllUsed();
        ModelFile.save(model, save);
        try (WeightsFile weights = WeightsFile.open(file)) {
            for (TensorInfo t : weights.tensors()) {
                out.printf(Locale.ROOT, "  %-16s %-5s %s%n", t.name(), t.dtype(), t.shapeString());
            }
        }
        out.println("model: " + model);
        out.println("saved " + save);
        return 0;
    }

    static int export(Options o, PrintStream out) throws IOException {
        ModelFile.Saved saved = ModelFile.read(Path.of(Predict.required(o, "model")));
        Sequential model = saved.model();
        Path file = Path.of(Predict.required(o, "out"));
        PyTorchWeights.Naming naming = PyTorchWeights.Naming.parse(o.get("names", "sequential"));
        Dtype dtype = switch (o.get("dtype", "f32")) {
            case "f32" -> Dtype.F32;
            case "f16" -> Dtype.F16;
            case "bf16" -> Dtype.BF16;
            default -> throw new IllegalArgumentException("--dtype " + o.get("dtype", "") + " is not f32, f16 or bf16");
        };
        o.requireAllUsed();
        PyTorchWeights.save(model, file, naming, dtype);
        out.println("wrote " + file + ": " + String.join(", ", PyTorchWeights.prefixes(model, naming))
                + " (.weight and .bias each, " + dtype + ")");
        if (saved.preprocessing() == Preprocessing.DESKEW) {
            out.println("note: this model was trained on deskewed digits; deskew inputs the same way before its"
                    + " forward pass (dev.tensorlane.data.Deskew; bench/pytorch_embedded.py has it in NumPy)");
        }
        return 0;
    }
}
