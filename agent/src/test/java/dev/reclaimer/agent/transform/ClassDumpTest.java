package dev.reclaimer.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reclaimer.agent.config.AgentConfig;
import example.dump.Dumped;
import java.nio.file.Files;
import java.nio.file.Path;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

class ClassDumpTest {

    @TempDir Path folder;

    @Test
    void dumpDir_classRewritten_writesTheClassFileAsmCanRead() throws Exception {
        TestAgent.install();
        AgentConfig config = Isolated.config("include=example.dump.**,debug.dump-dir=" + folder);
        ResettableClassFileTransformer agent =
                ReclaimerTransformer.install(
                        TestAgent.instrumentation, config, new SelectorTracker(config));
        try {
            new Dumped().release();
        } finally {
            agent.reset(TestAgent.instrumentation, AgentBuilder.RedefinitionStrategy.DISABLED);
        }

        Path file = folder.resolve("example/dump/Dumped.class");
        assertTrue(Files.isRegularFile(file), "no dump at " + file);
        ClassNode node = new ClassNode();
        new ClassReader(Files.readAllBytes(file)).accept(node, 0);
        assertEquals("example/dump/Dumped", node.name);
        String constants = new String(Files.readAllBytes(file), "ISO-8859-1");
        assertTrue(constants.contains("dev/reclaimer/internal/Hooks"), "rewritten bytes dumped");
    }

    @Test
    void write_folderUnusable_warnsOnceAndGoesOn() throws Exception {
        Path notAFolder = Files.writeString(folder.resolve("file"), "x");
        ClassDump dump = new ClassDump(notAFolder);

        String log =
                StderrCapture.during(
                        () -> {
                            dump.write("a.First", new byte[] {1});
                            dump.write("a.Second", new byte[] {2});
                        });
        assertEquals(1, log.lines().filter(line -> line.contains("WARN")).count(), log);
        assertTrue(log.contains("a.First"), log);
    }
}
