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

    @Test
    void readsFamilyAndModelWithTheVendor(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("cpuinfo");
        Files.writeString(f, "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\n"
                + "model name\t: AMD EPYC\n\nprocessor\t: 1\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\n");
        assertArrayEquals(new String[] {"AuthenticAMD", "26", "2"}, Cpu.read(f));
        assertEquals(26, Cpu.number("26"));
        assertEquals(-1, Cpu.number(""));
        assertEquals(-1, Cpu.number("x"));
    }

    @Test
    void fullWidth512BitFmasOnIntelAndZen5ButNotZen4OrZen5Mobile() {
        assertTrue(Cpu.fullWidth512("GenuineIntel", 6, 207));
        assertTrue(Cpu.fullWidth512("AuthenticAMD", 26, 2), "EPYC Turin");
        assertTrue(Cpu.fullWidth512("AuthenticAMD", 26, 0x44), "Ryzen 9000");
        assertFalse(Cpu.fullWidth512("AuthenticAMD", 26, 0x24), "Strix Point");
        assertFalse(Cpu.fullWidth512("AuthenticAMD", 26, 0x60), "Krackan Point");
        assertFalse(Cpu.fullWidth512("AuthenticAMD", 25, 0x11), "Zen 4");
        assertFalse(Cpu.fullWidth512("AuthenticAMD", -1, -1));
        assertFalse(Cpu.fullWidth512("", -1, -1));
    }
}
