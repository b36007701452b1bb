package dev.tensorlane.io;

import dev.tensorlane.Activation;
import dev.tensorlane.nn.Layer;
import dev.tensorlane.nn.Linear;
import dev.tensorlane.nn.ReLU;
import dev.tensorlane.nn.Sequential;
import dev.tensorlane.nn.Sigmoid;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PyTorch {@code state_dict} in and out of a Tensorlane network: {@code .npz} (NumPy's {@code np.savez}) or
 * {@code .safetensors}, with the names PyTorch gives to {@code nn.Linear} parameters.
 *
 * <h2>Names</h2>
 * Each Linear layer is a prefix with a {@code .weight} ({@code [out, in]}) and a {@code .bias} ({@code [out]}).
 * Without an explicit mapping, the order of the layers is read from the prefixes:
 * <ul>
 *   <li>all integers, as {@code nn.Sequential} names them ({@code 0}, {@code 2}, {@code 4}): by value;</li>
 *   <li>{@code hidden} and {@code output}, the tutorial's first {@code Network};</li>
 *   <li>one stem and a number ({@code fc1}, {@code fc2}, {@code fc3}; {@code layers.0}, {@code layers.1}), optionally
 *       followed by a last layer called {@code output} or {@code out}: by number.</li>
 * </ul>
 * Anything else needs an explicit mapping from prefix to Tensorlane layer index (a network's layer list counts
 * activations too: 784→128→64→10 has its Linear layers at 0, 2 and 4).
 *
 * <p>Every tensor must belong to a layer and every shape must fit the network; all of it is checked, and every
 * value read into staging arrays, before the network's weights are touched, so a failed load changes nothing.
 */
public final class PyTorchWeights {
    private PyTorchWeights() {}

    /** How exported tensors are named, for {@code load_state_dict} into the matching PyTorch module. */
    public enum Naming {
        /** {@code nn.Sequential}: the layer's index in the network, {@code 0.weight}, {@code 2.weight}, … */
        SEQUENTIAL,
        /** The tutorial's {@code nn.Module}: {@code fc1.weight}, {@code fc2.weight}, … */
        FC,
        /** The tutorial's first {@code Network} (two Linear layers): {@code hidden.weight}, {@code output.weight}. */
        HIDDEN_OUTPUT;

        public static Naming parse(String s) {
            return switch (s) {
                case "sequential" -> SEQUENTIAL;
                case "fc" -> FC;
                case "hidden-output" -> HIDDEN_OUTPUT;
                default -> throw new IllegalArgumentException("naming '" + s + "' is not one of sequential, fc, hidden-output");
            };
        }
    }

    private static final Pattern NUMBERED = Pattern.compile("(.*?)(\\d+)");

    /** The prefix of each Linear layer, in network order, under a naming. */
    public static List<String> prefixes(Sequential model, Naming naming) {
        List<Integer> linear = linearIndices(model);
        if (naming == Naming.HIDDEN_OUTPUT && linear.size() != 2) {
            throw new IllegalArgumentException("hidden-output naming needs 2 Linear layers, the network has "
                    + linear.size());
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < linear.size(); j++) {
            names.add(switch (naming) {
                case SEQUENTIAL -> Integer.toString(linear.get(j));
                case FC -> "fc" + (j + 1);
                case HIDDEN_OUTPUT -> j == 0 ? "hidden" : "output";
            });
        }
        return names;
    }

    /**
     * Writes the network's parameters as a state_dict: {@code .npz} (float32, as {@code np.savez}) or
     * {@code .safetensors} (in {@code dtype}), chosen by the file's extension.
     */
    public static void save(Sequential model, Path file, Naming naming, Dtype dtype) throws IOException {
        Objects.requireNonNull(dtype, "dtype");
        List<Integer> linear = linearIndices(model);
        List<String> names = prefixes(model, naming);
        List<Tensor> tensors = new ArrayList<>();
        for (int j = 0; j < linear.size(); j++) {
            Linear l = (Linear) model.layers().get(linear.get(j));
            tensors.add(new Tensor(names.get(j) + ".weight", l.weight().shape(), l.weight().value()));
            tensors.add(new Tensor(names.get(j) + ".bias", l.bias().shape(), l.bias().value()));
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".npz")) {
            if (dtype != Dtype.F32) {
                throw new IllegalArgumentException(file + ": .npz is written as float32 only, not " + dtype);
            }
            NpzFile.write(file, tensors);
        } else if (name.endsWith(".safetensors")) {
            SafetensorsFile.write(file, tensors, dtype, Map.of("format", "pt"));
        } else {
            throw new IllegalArgumentException(file + ": the name must end in .npz or .safetensors");
        }
    }

    /**
     * Loads a state_dict into an existing network. {@code mapping} (prefix → layer index) may be empty, in which
     * case the names are read as described in the class comment.
     */
    public static void loadInto(Sequential model, Path file, Map<String, Integer> mapping) throws IOException {
        try (WeightsFile weights = WeightsFile.open(file)) {
            Map<String, Integer> resolved = mapping.isEmpty() ? byOrder(model, weights) : mapping;
            copy(model, weights, resolved);
        }
    }

    /**
     * Builds the network a state_dict describes, Linear layers in the order the names give (or the mapping's
     * values give), with {@code hidden} after every Linear but the last, and loads it. With {@code hidden} null,
     * the tutorial's choice is made: sigmoid for {@code hidden}/{@code output} names, ReLU otherwise. The last
     * layer gives logits (add a softmax for probabilities, as {@code eval} and {@code predict} do).
     */
    public static Sequential load(Path file, Activation hidden, Map<String, Integer> mapping) throws IOException {
        try (WeightsFile weights = WeightsFile.open(file)) {
            Map<String, List<TensorInfo>> layers = group(weights, mapping.isEmpty() ? null : mapping);
            List<String> order;
            if (mapping.isEmpty()) {
                order = order(file, layers.keySet());
            } else {
                order = new ArrayList<>(mapping.keySet());
                order.sort(Comparator.comparing(mapping::get));
            }
            Activation act = hidden != null ? hidden
                    : order.equals(List.of("hidden", "output")) ? Activation.SIGMOID : Activation.RELU;
            if (act == Activation.IDENTITY) {
                throw new IllegalArgumentException("the hidden activation must be relu or sigmoid");
            }
            List<Layer> built = new ArrayList<>();
            Map<String, Integer> resolved = new LinkedHashMap<>();
            for (int j = 0; j < order.size(); j++) {
                String prefix = order.get(j);
                TensorInfo w = weights.tensor(prefix + ".weight");
                if (w == null || w.shape().length != 2) {
                    throw new IOException(file + ": layer '" + prefix + "' needs a 2-D " + prefix + ".weight, it has "
                            + (w == null ? "none" : w.shapeString()));
                }
                int out = w.shape()[0], in = w.shape()[1];
                if (in == 0 || out == 0) {
                    throw new IOException(file + ": " + w.name() + " has an empty shape " + w.shapeString());
                }
                if (j > 0 && built.get(built.size() - 1).outFeatures() != in) {
                    throw new IOException(file + ": " + w.name() + " " + w.shapeString() + " takes " + in
                            + " features, the layer before gives " + built.get(built.size() - 1).outFeatures());
                }
                resolved.put(prefix, built.size());
                built.add(new Linear(in, out));
                if (j + 1 < order.size()) {
                    built.add(act == Activation.RELU ? new ReLU(out) : new Sigmoid(out));
                }
            }
            if (built.isEmpty()) {
                throw new IOException(file + ": holds no tensors");
            }
            Sequential model = new Sequential(built);
            copy(model, weights, resolved);
            return model;
        }
    }

    /** Parses {@code fc1=0,fc2=2,fc3=4}. */
    public static Map<String, Integer> parseMapping(String spec) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("mapping '" + pair + "' is not PREFIX=LAYER_INDEX");
            }
            try {
                int index = Integer.parseInt(pair.substring(eq + 1).trim());
                if (index < 0 || mapping.put(pair.substring(0, eq).trim(), index) != null) {
                    throw new IllegalArgumentException("mapping '" + pair + "': negative index or prefix given twice");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mapping '" + pair + "': the layer index is not an integer");
            }
        }
        if (mapping.values().stream().distinct().count() != mapping.size()) {
            throw new IllegalArgumentException("mapping '" + spec + "' sends two prefixes to one layer");
        }
        return mapping;
    }

    private static List<Integer> linearIndices(Sequential model) {
        List<Integer> linear = new ArrayList<>();
        for (int i = 0; i < model.layers().size(); i++) {
            if (model.layers().get(i) instanceof Linear) {
                linear.add(i);
            }
        }
        return linear;
    }

    /** The tensors grouped by layer prefix; every tensor must be a {@code .weight} or {@code .bias} of a known prefix. */
    private static Map<String, List<TensorInfo>> group(WeightsFile weights, Map<String, Integer> mapping)
            throws IOException {
        Map<String, List<TensorInfo>> layers = new LinkedHashMap<>();
        for (TensorInfo t : weights.tensors()) {
            String name = t.name();
            int dot = name.lastIndexOf('.');
            String suffix = dot < 0 ? "" : name.substring(dot + 1);
            if (!suffix.equals("weight") && !suffix.equals("bias")) {
                throw new IOException(weights.path() + ": tensor '" + name + "' is neither a .weight nor a .bias of a"
                        + " Linear layer");
            }
            String prefix = name.substring(0, dot);
            if (mapping != null && !mapping.containsKey(prefix)) {
                throw new IOException(weights.path() + ": tensor '" + name + "' belongs to no layer of the mapping "
                        + mapping);
            }
            layers.computeIfAbsent(prefix, p -> new ArrayList<>()).add(t);
        }
        return layers;
    }

    /** The layer order the prefixes spell, or an error that asks for an explicit mapping. */
    private static List<String> order(Path file, java.util.Set<String> prefixes) throws IOException {
        List<String> list = new ArrayList<>(prefixes);
        if (list.stream().allMatch(p -> p.matches("\\d{1,9}"))) {
            list.sort(Comparator.comparingInt(Integer::parseInt));
            return list;
        }
        if (new TreeSet<>(list).equals(new TreeSet<>(List.of("hidden", "output")))) {
            return List.of("hidden", "output");
        }
        String last = list.contains("output") ? "output" : list.contains("out") ? "out" : null;
        List<String> numbered = new ArrayList<>(list);
        numbered.remove(last);
        String stem = null;
        boolean ok = !numbered.isEmpty();
        for (String p : numbered) {
            Matcher m = NUMBERED.matcher(p);
            if (!m.matches() || m.group(2).length() > 9 || (stem != null && !stem.equals(m.group(1)))) {
                ok = false;
                break;
            }
            stem = m.group(1);
        }
        if (ok) {
            String s = stem;
            numbered.sort(Comparator.comparingInt(p -> Integer.parseInt(p.substring(s.length()))));
            if (last != null) {
                numbered.add(last);
            }
            return numbered;
        }
        throw new IOException(file + ": cannot tell the order of the layers " + list + " from their names; give"
                + " the mapping explicitly (e.g. --map " + String.join("=?,", list) + "=?)");
    }

    private static Map<String, Integer> byOrder(Sequential model, WeightsFile weights) throws IOException {
        List<String> order = order(weights.path(), group(weights, null).keySet());
        List<Integer> linear = linearIndices(model);
        if (order.size() != linear.size()) {
            throw new IOException(weights.path() + ": has " + order.size() + " layers " + order + ", the network "
                    + linear.size() + " Linear layers");
        }
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (int j = 0; j < order.size(); j++) {
            mapping.put(order.get(j), linear.get(j));
        }
        return mapping;
    }

    /** Checks everything, reads every value into staging arrays, and only then copies them into the network. */
    private static void copy(Sequential model, WeightsFile weights, Map<String, Integer> mapping) throws IOException {
        Path file = weights.path();
        group(weights, mapping); // every tensor belongs to a mapped layer
        List<Integer> linear = linearIndices(model);
        if (!new TreeSet<>(mapping.values()).equals(new TreeSet<>(linear))) {
            throw new IOException(file + ": the mapping " + mapping + " does not name each Linear layer " + linear
                    + " of " + model + " exactly once");
        }
        List<float[]> targets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (Map.Entry<String, Integer> e : mapping.entrySet()) {
            Linear l = (Linear) model.layers().get(e.getValue());
            for (var p : List.of(l.weight(), l.bias())) {
                String name = e.getKey() + "." + p.name();
                TensorInfo t = weights.tensor(name);
                if (t == null) {
                    throw new IOException(file + ": no tensor '" + name + "' for layer " + e.getValue() + " (" + l + ")");
                }
                if (!Arrays.equals(t.shape(), p.shape())) {
                    throw new IOException(file + ": " + name + " has shape " + t.shapeString() + ", layer "
                            + e.getValue() + " (" + l + ") needs " + Arrays.toString(p.shape()));
                }
                targets.add(p.value());
                sources.add(name);
            }
        }
        List<float[]> staged = new ArrayList<>();
        for (String name : sources) {
            staged.add(weights.read(name));
        }
        for (int i = 0; i < staged.size(); i++) {
            System.arraycopy(staged.get(i), 0, targets.get(i), 0, staged.get(i).length);
        }
    }
}
