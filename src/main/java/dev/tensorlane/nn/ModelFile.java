package dev.tensorlane.nn;

import dev.tensorlane.data.Preprocessing;
import dev.tensorlane.internal.AtomicWrite;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Tensorlane's model file: a versioned binary format that says what it holds and proves it arrived whole.
 *
 * <pre>
 *   offset  size        field
 *   0       4           magic "TLNM"
 *   4       4           format version (2), big-endian int
 *   8       4           input preprocessing: 0 none, 1 deskew ({@link Preprocessing}); absent in version 1
 *   12      4           layer count L (1..64)
 *   16      L × 9       per layer: kind (1 byte: 1 Linear, 2 ReLU, 3 Sigmoid, 4 Softmax, 5 LogSoftmax), in, out (ints)
 *   …       4·Σ(out·in + out)   Linear weights [out × in] then biases [out], big-endian floats, in layer order
 *   end−8   8           CRC-32 of every byte before it, as a long
 * </pre>
 *
 * Loading checks the magic, version, layer kinds and sizes, that the file is exactly as long as the header says
 * (before allocating for the weights), and the checksum; only then is a network built, so a truncated, corrupt
 * or mismatched file is an {@link IOException} naming the file and the problem, never a half-loaded model.
 * Saving writes a temporary file next to the target and renames it into place. Version 1 files (no preprocessing
 * field: the tutorial's transform alone) are still read.
 */
public final class ModelFile {
    private ModelFile() {}

    private static final int MAGIC = 0x544C4E4D; // "TLNM"
    public static final int VERSION = 2;
    private static final int MAX_LAYERS = 64;
    private static final int MAX_FEATURES = 1 << 20;
    private static final long MAX_PARAMETERS = 1L << 28;

    /** A loaded model and the preprocessing its inputs need. */
    public record Saved(Sequential model, Preprocessing preprocessing) {}

    /** Saves a model trained on inputs with the tutorial's transform alone. */
    public static void save(Sequential model, Path file) throws IOException {
        save(model, Preprocessing.NONE, file);
    }

    /** Saves a model and the preprocessing its training inputs had. */
    public static void save(Sequential model, Preprocessing preprocessing, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(preprocessing.ordinal());
        out.writeInt(model.layers().size());
        for (Layer layer : model.layers()) {
            out.writeByte(kind(layer));
            out.writeInt(layer.inFeatures());
            out.writeInt(layer.outFeatures());
        }
        for (Layer layer : model.layers()) {
            for (Parameter p : layer.parameters()) {
                for (float v : p.value()) {
                    out.writeFloat(v);
                }
            }
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.flush();
        AtomicWrite.write(file, bytes.toByteArray());
    }

    /** The network alone, as {@code read(file).model()}: for a model whose inputs need no preprocessing. */
    public static Sequential load(Path file) throws IOException {
        return read(file).model();
    }

    /** The network and the preprocessing its inputs need. */
    public static Saved read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a file");
        }
        long size = Files.size(file);
        if (size < 20) {
            throw new IOException(file + ": truncated (" + size + " bytes), not a Tensorlane model");
        }
        // Read the header alone first: the weights are allocated only once the header is known to be sane.
        int headerMax = (int) Math.min(size, 16 + MAX_LAYERS * 9L);
        ByteBuffer head;
        try (var channel = Files.newByteChannel(file)) {
            head = ByteBuffer.allocate(headerMax);
            while (head.hasRemaining() && channel.read(head) > 0) {
                // fill
            }
            head.flip();
        }
        if (head.getInt() != MAGIC) {
            throw new IOException(file + ": not a Tensorlane model (bad magic)");
        }
        int version = head.getInt();
        if (version != 1 && version != VERSION) {
            throw new IOException(file + ": model format version " + version + ", this Tensorlane reads versions 1.."
                    + VERSION);
        }
        Preprocessing preprocessing = Preprocessing.NONE;
        if (version >= 2) {
            int code = head.getInt();
            if (code < 0 || code >= Preprocessing.values().length) {
                throw new IOException(file + ": unknown input preprocessing " + code);
            }
            preprocessing = Preprocessing.values()[code];
        }
        int headerBytes = head.position();
        int count = head.getInt();
        if (count < 1 || count > MAX_LAYERS) {
            throw new IOException(file + ": layer count " + count + " outside 1.." + MAX_LAYERS);
        }
        if (head.remaining() < count * 9) {
            throw new IOException(file + ": truncated in the layer table");
        }
        int[] kinds = new int[count], ins = new int[count], outs = new int[count];
        long parameters = 0;
        for (int i = 0; i < count; i++) {
            kinds[i] = head.get();
            ins[i] = head.getInt();
            outs[i] = head.getInt();
            if (kinds[i] < 1 || kinds[i] > 5) {
                throw new IOException(file + ": layer " + i + " has unknown kind " + kinds[i]);
            }
            if (ins[i] < 1 || ins[i] > MAX_FEATURES || outs[i] < 1 || outs[i] > MAX_FEATURES) {
                throw new IOException(file + ": layer " + i + " has sizes " + ins[i] + " -> " + outs[i]);
            }
            if (kinds[i] != 1 && ins[i] != outs[i]) {
                throw new IOException(file + ": activation layer " + i + " maps " + ins[i] + " to " + outs[i]);
            }
            if (i > 0 && ins[i] != outs[i - 1]) {
                throw new IOException(file + ": layer " + i + " takes " + ins[i] + " features, layer " + (i - 1)
                        + " gives " + outs[i - 1]);
            }
            if (kinds[i] == 1) {
                parameters += (long) ins[i] * outs[i] + outs[i];
            }
        }
        if (parameters > MAX_PARAMETERS) {
            throw new IOException(file + ": declares " + parameters + " parameters, more than " + MAX_PARAMETERS);
        }
        long expected = headerBytes + 4 + count * 9L + 4 * parameters + 8;
        if (size != expected) {
            throw new IOException(file + ": " + (size < expected ? "truncated" : "has trailing bytes") + ": the header"
                    + " declares " + expected + " bytes, the file has " + size);
        }
        byte[] all = Files.readAllBytes(file);
        CRC32 crc = new CRC32();
        crc.update(all, 0, all.length - 8);
        ByteBuffer body = ByteBuffer.wrap(all);
        if (body.getLong(all.length - 8) != crc.getValue()) {
            throw new IOException(file + ": checksum mismatch, the file is corrupted");
        }
        body.position(headerBytes + 4 + count * 9);
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Layer layer = switch (kinds[i]) {
                case 1 -> new Linear(ins[i], outs[i]);
                case 2 -> new ReLU(ins[i]);
                case 3 -> new Sigmoid(ins[i]);
                case 4 -> new Softmax(ins[i]);
                default -> new LogSoftmax(ins[i]);
            };
            for (Parameter p : layer.parameters()) {
                float[] v = p.value();
                for (int j = 0; j < v.length; j++) {
                    v[j] = body.getFloat();
                }
            }
            layers.add(layer);
        }
        return new Saved(new Sequential(layers), preprocessing);
    }

    private static int kind(Layer layer) {
        if (layer instanceof Linear) return 1;
        if (layer instanceof ReLU) return 2;
        if (layer instanceof Sigmoid) return 3;
        if (layer instanceof Softmax) return 4;
        if (layer instanceof LogSoftmax) return 5;
        throw new IllegalArgumentException("cannot save layer " + layer);
    }
}
