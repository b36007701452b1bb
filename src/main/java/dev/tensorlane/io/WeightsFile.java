package dev.tensorlane.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file of named tensors written by PyTorch or NumPy, opened for reading: a NumPy {@code .npz} archive
 * ({@code np.savez} / {@code np.savez_compressed}) or a {@code .safetensors} file, told apart by their first bytes.
 *
 * <p>Opening reads and checks only the headers: every tensor's name, element type and shape, and that its data
 * lies inside the file exactly where the header says. Nothing in a file is ever executed (neither format can hold
 * code; pickled {@code .pt} files are not read at all). A file that breaks its format is an {@link IOException}
 * naming the file and the problem, raised before any allocation larger than the header; values are read only
 * when asked for, into caller-owned arrays, so a caller can check the shapes it expects first.
 *
 * <p>Not thread-safe; close it when done.
 */
public abstract sealed class WeightsFile implements Closeable permits NpzFile, SafetensorsFile {
    /** The largest tensor read, in elements (1 GiB as floats). */
    public static final long MAX_ELEMENTS = 1L << 28;

    private final Path path;
    private Map<String, TensorInfo> tensors = Map.of();

    WeightsFile(Path path) {
        this.path = path;
    }

    /** Opens a {@code .npz} or {@code .safetensors} file, whatever its name, and checks its headers. */
    public static WeightsFile open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not a file");
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(6);
        }
        if (start.length >= 4 && start[0] == 'P' && start[1] == 'K' && (start[2] == 3 || start[2] == 5)) {
            return new NpzFile(file);
        }
        if (start.length == 6 && (start[0] & 0xff) == 0x93 && start[1] == 'N' && start[2] == 'U') {
            throw new IOException(file + ": a single .npy array; save the whole state_dict with np.savez into a .npz");
        }
        if (start.length >= 4 && start[0] == 'T' && start[1] == 'L' && start[2] == 'N' && start[3] == 'M') {
            throw new IOException(file + ": a Tensorlane model, not a PyTorch weights file (give it as --model, or load it with ModelFile.load)");
        }
        return new SafetensorsFile(file);
    }

    public final Path path() {
        return path;
    }

    /** The tensors in the order the file lists them. */
    public final List<TensorInfo> tensors() {
        return List.copyOf(tensors.values());
    }

    /** The tensor called {@code name}, or null. */
    public final TensorInfo tensor(String name) {
        return tensors.get(name);
    }

    /** Safetensors' {@code __metadata__} (string to string); empty for {@code .npz}. */
    public Map<String, String> metadata() {
        return Map.of();
    }

    /** A new array with the values of tensor {@code name}, converted to float, in row-major order. */
    public final float[] read(String name) throws IOException {
        TensorInfo info = require(name);
        float[] values = new float[(int) info.elementCount()];
        readData(info, values, 0);
        return values;
    }

    /** Reads the values of tensor {@code name}, converted to float, into {@code dst[offset..]}. */
    public final void read(String name, float[] dst, int offset) throws IOException {
        TensorInfo info = require(name);
        Objects.requireNonNull(dst, "dst");
        long n = info.elementCount();
        if (offset < 0 || offset > dst.length || n > dst.length - offset) {
            throw new IndexOutOfBoundsException("tensor " + name + " has " + n + " elements, dst holds " + dst.length
                    + " from offset=" + offset);
        }
        readData(info, dst, offset);
    }

    private TensorInfo require(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new IllegalArgumentException(path + ": no tensor named '" + name + "' (it has " + tensors.keySet() + ")");
        }
        return info;
    }

    final void setTensors(List<TensorInfo> list) {
        Map<String, TensorInfo> map = new LinkedHashMap<>();
        for (TensorInfo t : list) {
            map.put(t.name(), t);
        }
        tensors = Collections.unmodifiableMap(map);
    }

    abstract void readData(TensorInfo info, float[] dst, int offset) throws IOException;

    /** Converts {@code count} elements of {@code src} (its byte order set) to floats. */
    static void decode(ByteBuffer src, Dtype dtype, float[] dst, int offset, int count) {
        switch (dtype) {
            case F32 -> src.asFloatBuffer().get(dst, offset, count);
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = (float) src.getDouble(src.position() + 8 * i);
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = Dtype.halfToFloat(src.getShort(src.position() + 2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    dst[offset + i] = Dtype.bfloat16ToFloat(src.getShort(src.position() + 2 * i));
                }
            }
        }
        src.position(src.position() + count * dtype.bytes());
    }

    /** Reads {@code count} elements from a stream in chunks, so the staging buffer stays small. */
    static void readStream(InputStream in, Dtype dtype, ByteOrder order, float[] dst, int offset, long count,
            String where) throws IOException {
        int chunk = Math.max(1, (64 << 10) / dtype.bytes());
        byte[] bytes = new byte[chunk * dtype.bytes()];
        long done = 0;
        while (done < count) {
            int n = (int) Math.min(chunk, count - done);
            int want = n * dtype.bytes();
            if (in.readNBytes(bytes, 0, want) != want) {
                throw new IOException(where + ": data ends after " + done + " of " + count + " elements");
            }
            decode(ByteBuffer.wrap(bytes, 0, want).order(order), dtype, dst, offset + (int) done, n);
            done += n;
        }
    }
}
