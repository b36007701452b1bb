package dev.tensorlane.cli;

import dev.tensorlane.Activation;
import dev.tensorlane.FusedLinear;
import dev.tensorlane.Softmax;
import dev.tensorlane.Tensorlane;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The command-line program: {@code train} (the default) trains the tutorial's networks; {@code demo} shows the
 * tutorial's first steps on the kernels (the softmax example, a forward pass of the 784→256→10 network).
 */
public final class Main {
    private Main() {}

    static final String USAGE = """
            usage: tensorlane [command] [options]
              train    train a network on MNIST-format data (the default command; see tensorlane train --help)
              eval     evaluate a saved model on a test set
              predict  class probabilities of one image (PNG or IDX) from a saved model
              import   PyTorch weights (.npz or .safetensors) to a saved model
              export   a saved model's weights to .npz or .safetensors for PyTorch's load_state_dict
              demo     the tutorial's softmax example and a forward pass of its 784-256-10 network
            """;

    public static void main(String[] args) {
        int status;
        try {
            status = run(args, System.out, System.err);
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("tensorlane: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws java.io.IOException {
        String command = args.length == 0 || args[0].startsWith("--") ? "train" : args[0];
        int from = args.length == 0 || args[0].startsWith("--") ? 0 : 1;
        if (Arrays.asList(args).contains("--help") || command.equals("help")) {
            out.print(switch (command) {
                case "train" -> Train.USAGE;
                case "eval" -> Predict.EVAL_USAGE;
                case "predict" -> Predict.PREDICT_USAGE;
                case "import" -> Weights.IMPORT_USAGE;
                case "export" -> Weights.EXPORT_USAGE;
                default -> USAGE;
            });
            return 0;
        }
        switch (command) {
            case "train":
                return Train.run(new Options(args, from), out, err);
            case "eval":
                return Predict.eval(new Options(args, from), out);
            case "predict":
                return Predict.predict(new Options(args, from), out);
            case "import":
                return Weights.importWeights(new Options(args, from), out);
            case "export":
                return Weights.export(new Options(args, from), out);
            case "demo":
                out.println("Tensorlane backend: " + Tensorlane.describe());
                out.println();
                softmaxExample(out);
                out.println();
                forwardPass(out, 64, 0L);
                return 0;
            default:
                err.print("tensorlane: unknown command '" + command + "'\n" + USAGE);
                return 2;
        }
    }

    static void softmaxExample(PrintStream out) {
        float[] x = {2.0f, 1.0f, 0.5f, 0.5f, 2.0f, 1.0f};
        float[] p = new float[x.length];
        Softmax.softmax(2, 3, x, p);
        out.println("softmax([[2.0, 1.0, 0.5], [0.5, 2.0, 1.0]]) =");
        for (int r = 0; r < 2; r++) {
            out.printf(Locale.ROOT, "  [%.4f, %.4f, %.4f]%n", p[3 * r], p[3 * r + 1], p[3 * r + 2]);
        }
    }

    /**
     * The tutorial's first network: h = sigmoid(x·W1 + b1) with W1 784×256, then x·W2 + b2 with W2 256×10 and a
     * softmax, on a batch of standard-normal inputs and standard-normal weights, as the tutorial draws them.
     */
    static void forwardPass(PrintStream out, int batch, long seed) {
        int inputs = 784, hidden = 256, classes = 10;
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = normal(random, batch * inputs);
        float[] w1 = normal(random, inputs * hidden);
        float[] b1 = normal(random, hidden);
        float[] w2 = normal(random, hidden * classes);
        float[] b2 = normal(random, classes);
        float[] h = new float[batch * hidden];
        float[] logits = new float[batch * classes];
        float[] probabilities = new float[batch * classes];

        FusedLinear.matmulBias(batch, hidden, inputs, x, 0, inputs, w1, 0, hidden, b1, 0, Activation.SIGMOID,
                h, 0, hidden);
        FusedLinear.matmulBias(batch, classes, hidden, h, 0, hidden, w2, 0, classes, b2, 0, Activation.IDENTITY,
                logits, 0, classes);
        Softmax.softmax(batch, classes, logits, probabilities);

        out.printf(Locale.ROOT, "forward pass 784->256 (sigmoid) ->10 (softmax) on a random batch: output shape [%d, %d]%n",
                batch, classes);
        double[] sums = new double[batch];
        for (int r = 0; r < batch; r++) {
            for (int c = 0; c < classes; c++) {
                sums[r] += probabilities[r * classes + c];
            }
        }
        double worst = Arrays.stream(sums).map(s -> Math.abs(s - 1)).max().orElse(0);
        out.printf(Locale.ROOT, "row sums: %.7f %.7f %.7f ... (largest |sum - 1| = %.2e)%n",
                sums[0], sums[1], sums[2], worst);
    }

    private static float[] normal(SplittableRandom random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            // Box–Muller; SplittableRandom has no nextGaussian on JDK 17.
            double u = 1.0 - random.nextDouble();
            values[i] = (float) (Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return values;
    }
}
