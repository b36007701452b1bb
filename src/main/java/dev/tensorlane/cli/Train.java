package dev.tensorlane.cli;

import dev.tensorlane.Tensorlane;
import dev.tensorlane.data.Batches;
import dev.tensorlane.data.Mnist;
import dev.tensorlane.data.Preprocessing;
import dev.tensorlane.nn.Adam;
import dev.tensorlane.nn.CrossEntropyLoss;
import dev.tensorlane.nn.Evaluation;
import dev.tensorlane.nn.ModelFile;
import dev.tensorlane.nn.Models;
import dev.tensorlane.nn.Optimizer;
import dev.tensorlane.nn.Sequential;
import dev.tensorlane.nn.Sgd;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code tensorlane train [options]}: trains one of the tutorial's networks and reports test accuracy. */
final class Train {
    private Train() {}

    static final String USAGE = """
            usage: tensorlane train [options]
              --data DIR          torchvision MNIST/raw or Debian fashion-mnist folder (default: embedded 10k MNIST sample)
              --model mlp|sigmoid 784-128-64-10 ReLU (default) or the tutorial's 784-256-10 sigmoid network
              --init pytorch|normal  nn.Linear's default (default) or the tutorial's normal(std=0.01), bias 0
              --epochs N          default 10
              --batch N           default 64
              --optimizer adam|sgd  default adam
              --lr X              default 0.001 for adam, 0.01 for sgd
              --momentum X        SGD momentum, default 0.9
              --weight-decay X    default 0
              --label-smoothing X cross-entropy against (1 - X)·onehot + X/10, as PyTorch's label_smoothing (default 0.1)
              --deskew on|off     shear each digit upright before training, eval and predict (default: on for the
                                  embedded digits, off with --data, which may be Fashion-MNIST: it costs accuracy there)
              --seed N            default 0 (initialization and shuffling)
              --threads N         threads for large matrix products (default: all processors; results do not depend on it)
              --save FILE         save the trained model (for eval and predict)
              --plots DIR         write loss-accuracy.png and confusion.png there
              --warmup on|off     train a throwaway copy while the data loads, so the JIT compiles early (default on)
            """;

    static int run(Options o, PrintStream out, PrintStream err) throws IOException {
        // The JIT warms up on a throwaway copy of the network while the data loads (see JitWarmup); it ends with
        // the load, and changes no number of the run.
        boolean warm = o.onOff("warmup", true);
        int warmBatch = o.positiveInt("batch", 64);
        float smoothing = o.nonNegativeFloat("label-smoothing", 0.1f);
        if (smoothing > 1) {
            throw new IllegalArgumentException("--label-smoothing " + smoothing + " must be <= 1");
        }
        boolean embedded = !o.has("data");
        Preprocessing preprocessing = o.onOff("deskew", embedded) ? Preprocessing.DESKEW : Preprocessing.NONE;
        Mnist.Split data;
        JitWarmup warmup = warm && warmBatch <= 1024 ? JitWarmup.start(o.get("model", "mlp"), warmBatch, smoothing) : null;
        try {
            data = preprocess(embedded ? Mnist.loadEmbedded(embeddedDir()) : Mnist.loadDirectory(Path.of(o.get("data", ""))),
                    preprocessing);
        } finally {
            if (warmup != null) {
                warmup.stop();
            }
        }
        String optimizerName = o.get("optimizer", "adam");
        int epochs = o.positiveInt("epochs", 10);
        int batch = o.positiveInt("batch", 64);
        long seed = o.longValue("seed", 0);
        float lr = o.positiveFloat("lr", optimizerName.equals("sgd") ? 0.01f : 0.001f);
        Models.Init init = switch (o.get("init", "pytorch")) {
            case "pytorch" -> Models.Init.PYTORCH;
            case "normal" -> Models.Init.NORMAL_001;
            default -> throw new IllegalArgumentException("--init " + o.get("init", "") + " is not one of pytorch, normal");
        };
        Sequential model = Models.byName(o.get("model", "mlp"), init, seed);
        Optimizer optimizer = switch (optimizerName) {
            case "adam" -> new Adam(model.parameters(), lr, 0.9f, 0.999f, 1e-8f, o.nonNegativeFloat("weight-decay", 0f));
            case "sgd" -> new Sgd(model.parameters(), lr, o.nonNegativeFloat("momentum", 0.9f),
                    o.nonNegativeFloat("weight-decay", 0f));
            default -> throw new IllegalArgumentException("--optimizer " + optimizerName + " is not one of adam, sgd");
        };
        if (o.has("threads")) {
            Tensorlane.setParallelism(o.positiveInt("threads", 1));
        }
        Path save = o.has("save") ? Path.of(o.get("save", "")) : null;
        Path plots = o.has("plots") ? Path.of(o.get("plots", "")) : null;
        o.requireAllUsed();

        Batches batches = new Batches(data.train(), batch, true, false, seed);
        out.println("data: " + data.description());
        out.println("model: " + model + " (" + o.get("init", "pytorch") + " init), " + optimizerName + " lr " + lr
                + ", batch " + batch + ", " + epochs + " epochs, label smoothing " + smoothing + ", seed " + seed
                + "; backend " + Tensorlane.describe()
                + ", " + Tensorlane.parallelism() + " thread(s)");

        int features = data.train().features();
        int classes = model.outFeatures();
        float[] x = new float[batch * features];
        int[] labels = new int[batch];
        float[] dlogits = new float[batch * classes];
        CrossEntropyLoss loss = new CrossEntropyLoss(smoothing);
        Progress progress = new Progress(err);
        Evaluation.Result test = null;
        List<double[]> history = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            batches.startEpoch();
            double lossSum = 0;
            int seen = 0;
            int done = 0;
            int n;
            while ((n = batches.next(x, labels)) > 0) {
                float[] logits = model.forward(n, x);
                lossSum += (double) loss.forward(n, classes, logits, labels) * n;
                loss.backward(n, classes, labels, dlogits);
                model.backward(n, x, dlogits);
                optimizer.step();
                seen += n;
                done++;
                progress.update(epoch, epochs, done, batches.batchesPerEpoch(), lossSum / seen, seen, start);
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            progress.finish();
            test = Evaluation.evaluate(model, data.test(), 1000);
            out.printf(Locale.ROOT, "epoch %2d/%d  train loss" + (smoothing > 0 ? " (smoothed)" : "") + " %.4f  test loss %.4f  test accuracy %.4f  %.1f s (%.0f samples/s)%n",
                    epoch, epochs, lossSum / seen, test.loss(), test.accuracy(), trainSeconds, seen / trainSeconds);
            history.add(new double[] {lossSum / seen, test.loss(), test.accuracy()});
        }
        report(out, test);
        if (save != null) {
            ModelFile.save(model, preprocessing, save);
            out.println("saved model to " + save);
        }
        if (plots != null) {
            Plots.history(plots.resolve("loss-accuracy.png"), history);
            Plots.confusion(plots.resolve("confusion.png"), test.confusion());
            out.println("wrote " + plots.resolve("loss-accuracy.png") + " and " + plots.resolve("confusion.png"));
        }
        return 0;
    }

    /** The split with the preprocessing applied to both sets, and said in its description. */
    static Mnist.Split preprocess(Mnist.Split data, Preprocessing preprocessing) {
        if (preprocessing == Preprocessing.NONE) {
            return data;
        }
        return new Mnist.Split(preprocessing.apply(data.train()), preprocessing.apply(data.test()),
                data.description() + ", deskewed");
    }

    static void report(PrintStream out, Evaluation.Result result) {
        int classes = result.confusion().length;
        out.println();
        out.println("per-class accuracy:");
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < classes; c++) {
            line.append(String.format(Locale.ROOT, "  %d: %.3f", c, result.classAccuracy(c)));
        }
        out.println(line);
        out.println("confusion matrix (rows: actual, columns: predicted):");
        StringBuilder header = new StringBuilder("      ");
        for (int c = 0; c < classes; c++) {
            header.append(String.format(Locale.ROOT, "%6d", c));
        }
        out.println(header);
        for (int a = 0; a < classes; a++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%6d", a));
            for (int p = 0; p < classes; p++) {
                row.append(String.format(Locale.ROOT, "%6d", result.confusion()[a][p]));
            }
            out.println(row);
        }
        out.printf(Locale.ROOT, "test accuracy: %.4f%n", result.accuracy());
    }

    /** data/mnist-10k under the project folder the launcher names, else under the working directory. */
    static Path embeddedDir() {
        String home = System.getProperty("tensorlane.home");
        return (home == null ? Path.of("") : Path.of(home)).resolve("data").resolve("mnist-10k");
    }

    /**
     * A progress line on stderr: redrawn in place on a terminal, otherwise a plain line at each quarter of an
     * epoch so that logs stay short.
     */
    static final class Progress {
        private final PrintStream err;
        private final boolean terminal;
        private long lastDraw;
        private int lastQuarter;

        Progress(PrintStream err) {
            this.err = err;
            String term = System.getenv("TERM");
            this.terminal = System.console() != null && term != null && !term.equals("dumb");
        }

        /** Called after every step: cheap unless it draws (a few times a second, or four times an epoch). */
        void update(int epoch, int epochs, int done, int total, double loss, int seen, long startNanos) {
            long now = System.nanoTime();
            if (terminal) {
                if (now - lastDraw > 100_000_000L || done == total) {
                    err.print("\r" + text(epoch, epochs, done, total, loss, seen, now - startNanos) + "\u001b[K");
                    err.flush();
                    lastDraw = now;
                }
            } else {
                int quarter = done * 4 / total;
                if (quarter > lastQuarter || done == total) {
                    err.println(text(epoch, epochs, done, total, loss, seen, now - startNanos));
                    lastQuarter = quarter;
                }
            }
        }

        private static String text(int epoch, int epochs, int done, int total, double loss, int seen, long nanos) {
            double seconds = nanos / 1e9;
            double rate = seen / Math.max(seconds, 1e-9);
            double left = seconds / done * (total - done);
            return String.format(Locale.ROOT, "epoch %d/%d %s %d/%d  loss %.4f  %.0f samples/s  %.1f s left",
                    epoch, epochs, bar(done, total), done, total, loss, rate, left);
        }

        void finish() {
            if (terminal) {
                err.print("\r\u001b[K");
                err.flush();
            }
            lastQuarter = 0;
        }

        private static String bar(int done, int total) {
            int width = 20;
            int filled = (int) ((long) done * width / total);
            return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
        }
    }
}
