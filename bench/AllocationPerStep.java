import dev.tensorlane.nn.*;
/**
 * Bytes allocated per training step in steady state, measured with the JVM's per-thread allocation counter after
 * 3,000 warm-up steps. Run from the repository root after {@code mvn -q package -DskipTests}:
 * {@code java --add-modules jdk.incubator.vector -cp target/classes bench/AllocationPerStep.java 64 mlp}
 * (model mlp or sigmoid).
 */
public class AllocationPerStep {
  public static void main(String[] a) {
    Sequential model = Models.byName(a[1], Models.Init.PYTORCH, 0);
    Adam adam = new Adam(model.parameters(), 1e-3f);
    CrossEntropyLoss loss = new CrossEntropyLoss();
    int batch = Integer.parseInt(a[0]);
    float[] x = new float[batch*784]; for (int i = 0; i < x.length; i++) x[i] = (i % 17) / 17f;
    int[] labels = new int[batch]; for (int i = 0; i < batch; i++) labels[i] = i % 10;
    float[] d = new float[batch*10];
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + 10_000_000_000L; int n = 0; long t = Thread.currentThread().getId();
    long before = 0; int counted = 0;
    while (System.nanoTime() < end) {
      if (n == 3000) { before = mx.getThreadAllocatedBytes(t); counted = 0; }
      loss.forward(batch, 10, model.forward(batch, x), labels); loss.backward(batch, 10, labels, d); model.backward(batch, x, d); adam.step();
      n++; counted++;
    }
    System.out.println(a[1] + " batch " + batch + ": steps " + n + ", bytes allocated per step after step 3000: " + (mx.getThreadAllocatedBytes(t) - before) / (double) counted);
  }
}
