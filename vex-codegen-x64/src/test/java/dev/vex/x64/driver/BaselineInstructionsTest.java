package dev.vex.x64.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vex.backend.CompileOptions;
import dev.vex.backend.CompiledModule;
import dev.vex.backend.CpuFeatureSet;
import dev.vex.code.elf.ElfObjectWriter;
import dev.vex.compile.CompileDriver;
import dev.vex.ir.Module;
import dev.vex.text.ClifReader;
import dev.vex.x64.X64CpuFeatures;
import dev.vex.x64.X64Target;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An object compiled for {@code --cpu baseline} holds no instruction beyond x86-64 v1 with SSE2,
 * as GNU objdump reads it. The same file compiled with every feature does use them, which shows
 * that the check can fail. Needs binutils; with {@code VEX_REQUIRE_BINUTILS} set (CI) a missing
 * objdump is a failure, elsewhere the test is skipped.
 */
class BaselineInstructionsTest {
    /**
     * Mnemonics of the extensions after x86-64 v1: SSE3, SSSE3, SSE4.1, SSE4.2, POPCNT, LZCNT,
     * BMI1, BMI2, MOVBE, CMPXCHG16B, LAHF/SAHF in long mode, ADX. Every VEX or EVEX instruction
     * (AVX, AVX2, FMA3, AVX-512) starts with 'v' and is matched by {@link #VEX}.
     */
    static final Set<String> BEYOND_V1 = Set.of(
            "addsubpd", "addsubps", "haddpd", "haddps", "hsubpd", "hsubps", "lddqu", "movddup", "movshdup",
            "movsldup", "fisttp", "monitor", "mwait",
            "pshufb", "phaddw", "phaddd", "phaddsw", "phsubw", "phsubd", "phsubsw", "pmaddubsw", "pmulhrsw",
            "psignb", "psignw", "psignd", "pabsb", "pabsw", "pabsd", "palignr",
            "roundss", "roundsd", "roundps", "roundpd", "blendps", "blendpd", "blendvps", "blendvpd", "pblendw",
            "pblendvb", "ptest", "pminsb", "pminsd", "pminuw", "pminud", "pmaxsb", "pmaxsd", "pmaxuw", "pmaxud",
            "pinsrb", "pinsrd", "pinsrq", "pextrb", "pextrd", "pextrq", "extractps", "insertps", "dpps", "dppd",
            "mpsadbw", "phminposuw", "pmuldq", "pmulld", "pcmpeqq", "packusdw", "movntdqa",
            "pmovsxbw", "pmovsxbd", "pmovsxbq", "pmovsxwd", "pmovsxwq", "pmovsxdq",
            "pmovzxbw", "pmovzxbd", "pmovzxbq", "pmovzxwd", "pmovzxwq", "pmovzxdq",
            "pcmpgtq", "pcmpestri", "pcmpestrm", "pcmpistri", "pcmpistrm", "crc32",
            "popcnt", "lzcnt", "tzcnt", "andn", "bextr", "blsi", "blsmsk", "blsr",
            "bzhi", "pdep", "pext", "mulx", "rorx", "sarx", "shlx", "shrx",
            "movbe", "cmpxchg16b", "lahf", "sahf", "adcx", "adox");
    static final Pattern VEX = Pattern.compile("v[a-z0-9]+");
    static final Set<String> PREFIXES = Set.of("rep", "repz", "repe", "repnz", "repne", "lock", "data16", "cs",
            "ds", "notrack", "bnd", "rex", "rex.w");

    @TempDir
    Path dir;

    @Test
    void baselineObjectsUseNothingBeyondX86_64V1() throws Exception {
        String objdump = objdump();
        Set<String> baseline = beyondV1(disassemble(objdump, CompileOptions.AOT));
        assertEquals(Set.of(), baseline, "instructions beyond x86-64 v1 + SSE2 in a --cpu baseline object");
        Set<String> all = beyondV1(disassemble(objdump, CompileOptions.AOT.withCpu(X64CpuFeatures.all())));
        assertTrue(all.containsAll(Set.of("lzcnt", "tzcnt", "popcnt", "roundsd", "roundss")), all.toString());
        assertTrue(all.stream().anyMatch(m -> m.startsWith("vfmadd")), all.toString());
        Set<String> one = beyondV1(disassemble(objdump, CompileOptions.AOT.withCpu(CpuFeatureSet.parse("+popcnt"))));
        assertEquals(Set.of("popcnt"), one);
    }

    private String disassemble(String objdump, CompileOptions options) throws IOException, InterruptedException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/driver/cpu-features.clif")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Module module = ClifReader.readModule(text, "cpu-features.clif");
        X64Target x64 = new X64Target();
        CompiledModule compiled = CompileDriver.compile(x64, module, options);
        Path obj = Files.createTempFile(dir, "cpu", ".o");
        Files.write(obj, new ElfObjectWriter(x64.elfMachine()).write(compiled));
        Process p = new ProcessBuilder(objdump, "-d", "-w", "-M", "intel", obj.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** The mnemonics of {@code listing} (objdump -d) that x86-64 v1 with SSE2 does not have. */
    static Set<String> beyondV1(String listing) {
        Set<String> found = new TreeSet<>();
        for (String line : listing.split("\n")) {
            String[] cols = line.split("\t");
            if (cols.length < 3 || !cols[0].trim().matches("[0-9a-f]+:")) {
                continue;
            }
            for (String word : cols[2].trim().split("\\s+")) {
                if (PREFIXES.contains(word)) {
                    continue;
                }
                if (BEYOND_V1.contains(word) || VEX.matcher(word).matches()) {
                    found.add(word);
                }
                break;
            }
        }
        return found;
    }

    private static String objdump() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dirName, "objdump"))) {
                return Path.of(dirName, "objdump").toString();
            }
        }
        if (System.getenv("VEX_REQUIRE_BINUTILS") != null) {
            fail("objdump (GNU binutils) is not on the PATH, and VEX_REQUIRE_BINUTILS is set: install binutils");
        }
        assumeTrue(false, "NOT RUN: objdump (GNU binutils) is not on the PATH");
        return null;
    }
}
