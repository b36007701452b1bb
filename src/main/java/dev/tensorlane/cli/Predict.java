package dev.tensorlane.cli;

import dev.tensorlane.Softmax;
import dev.tensorlane.data.Idx;
import dev.tensorlane.data.Mnist;
import dev.tensorlane.data.Preprocessing;
import dev.tensorlane.nn.Evaluation;
import dev.tensorlane.nn.ModelFile;
import dev.tensorlane.nn.Sequential;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** {@code eval} and {@code predict}: a saved model on a test set, or on one image. */
final class Predict {
    private Predict() {}

    static final String EVAL_USAGE = """
            usage: tensorlane eval (--model FILE | --weights FILE [--activation relu|sigmoid] [--map SPEC] [--deskew on|off])
                                  [--data DIR]
              evaluates a model saved by 'train --save FILE', or PyTorch weights (.npz or .safetensors, see
              'tensorlane import --help'), on the test set of DIR (default: the embedded sample); a saved model's
              inputs are deskewed if its training inputs were, PyTorch weights' if --deskew on (default off)
            """;
    static final String PREDICT_USAGE = """
            usage: tensorlane predict (--model FILE | --weights FILE [--activation A] [--map SPEC] [--deskew on|off])
                                     (--image PNG | --idx IMAGES-FILE --index N)
              prints the ten class probabilities for one 28x28 image: a PNG (white digit on black, as MNIST)
              or image N of an IDX images file, from a saved model or PyTorch weights; deskewed as for eval
            """;

    static int eval(Options o, PrintStream out) throws IOException {
        ModelFile.Saved saved = loadModel(o);
        Sequential model = saved.model();
        Mnist.Split data = Train.preprocess(o.has("data") ? Mnist.loadDirectory(Path.of(o.get("data", "")))
                : Mnist.loadEmbedded(Train.embeddedDir()), saved.preprocessing());
        o.requireAllUsed();
        Evaluation.Result result = Evaluation.evaluate(model, data.test(), 1000);
        out.println("model: " + model);
        out.println("data: " + data.description());
        out.printf(Locale.ROOT, "test loss %.4f%n", result.loss());
        Train.report(out, result);
        return 0;
    }

    static int predict(Options o, PrintStream out) throws IOException {
        ModelFile.Saved saved = loadModel(o);
        Sequential model = saved.model();
        float[] x;
        if (o.has("image")) {
            x = Mnist.normalize(readPng(Path.of(o.get("image", ""))));
        } else if (o.has("idx")) {
            Path file = Path.of(o.get("idx", ""));
            Idx.Images images = Idx.readImages(file);
            int index = (int) o.longValue("index", -1);
            if (index < 0 || index >= images.count()) {
                throw new IllegalArgumentException("--index " + index + " is outside 0.." + (images.count() - 1)
                        + " for " + file);
            }
            int n = images.pixelsPerImage();
            byte[] one = new byte[n];
            System.arraycopy(images.pixels(), index * n, one, 0, n);
            x = Mnist.normalize(one);
        } else {
            throw new IllegalArgumentException("predict needs --image PNG or --idx FILE --index N");
        }
        o.requireAllUsed();
        if (x.length != model.inFeatures()) {
            throw new IllegalArgumentException("the image has " + x.length + " pixels, the model takes "
                    + model.inFeatures());
        }
        x = saved.preprocessing().apply(1, x.length, x);
        float[] logits = model.inference().forward(1, x);
        float[] p = new float[logits.length];
        Softmax.softmax(1, logits.length, logits, p);
        for (int c = 0; c < p.length; c++) {
            out.printf(Locale.ROOT, "%d: %.4f%n", c, p[c]);
        }
        out.println("predicted: " + Evaluation.argmax(p, 0, p.length));
        return 0;
    }

    /** A 28×28 PNG as MNIST bytes: luminance 0..255, white digit on black. */
    static byte[] readPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + ": not an image javax.imageio can read");
        }
        if (image.getWidth() != 28 || image.getHeight() != 28) {
            throw new IOException(file + ": " + image.getWidth() + "x" + image.getHeight() + " pixels, expected 28x28");
        }
        byte[] pixels = new byte[28 * 28];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (int) Math.round(0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff)
                        + 0.114 * (rgb & 0xff));
                pixels[y * 28 + x] = (byte) luminance;
            }
        }
        return pixels;
    }

    /** {@code --model FILE} (Tensorlane's format) or {@code --weights FILE} (a PyTorch state_dict). */
    static ModelFile.Saved loadModel(Options o) throws IOException {
        if (o.has("weights")) {
            if (o.has("model")) {
                throw new IllegalArgumentException("give --model FILE or --weights FILE, not both");
            }
            Preprocessing preprocessing = o.onOff("deskew", false) ? Preprocessing.DESKEW : Preprocessing.NONE;
            return new ModelFile.Saved(Weights.load(o), preprocessing);
        }
        if (o.has("activation") || o.has("map") || o.has("deskew")) {
            throw new IllegalArgumentException("--activation, --map and --deskew go with --weights (a saved model"
                    + " knows its preprocessing)");
        }
        return ModelFile.read(Path.of(required(o, "model")));
    }

    static String required(Options o, String name) {
        if (!o.has(name)) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return o.get(name, "");
    }
}
