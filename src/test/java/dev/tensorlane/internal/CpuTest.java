package dev.tensorlane.internal;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuTest {

    @Test
    void readsTheFirstVendorIdLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cpuinfo");
        Files.writeString(f, "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\n\nprocessor\t: 1\n"
                + "vendor_id\t: AuthenticAMD\n");
        assertEquals("GenuineIntel", Cpu.readVendor(f));
    }

    @Test
    void anUnreadableOrVendorlessFileGivesAnEmptyVendor(@TempDir Path dir) throws Exception {
        assertEquals("", Cpu.readVendor(dir.resolve("missing")));
        assertEquals("", Cpu.readVendor(dir));
        Path f = dir.resolve("cpuinfo");
        Files.writeString(f, "processor\t: 0\nvendor\t: none here\n");
        assertEquals("", Cpu.readVendor(f));
    }

    @Test
    void thisMachinesVendorIsReadWhereLinuxHasOne() {
        assertNotNull(Cpu.vendor());
        if (Files.isReadable(Path.of("/proc/cpuinfo")) && System.getProperty("os.arch").matches("amd64|x86_64")) {
            assertFalse(Cpu.vendor().isEmpty(), "x86 Linux names its vendor in /proc/cpuinfo");
        }
    }
}
