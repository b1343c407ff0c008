package dev.reclaimer.its.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Runs every class of large third-party jars through the agent's own transformer with selectors
 * that match many real methods, and checks every rewritten class twice: with ASM's verifier
 * (hierarchy-aware, resolving types through a class loader over the test class path) and by linking
 * it in a throwaway child-first class loader, which runs the JVM's verifier (the test JVM keeps
 * {@code -XX:+BytecodeVerificationRemote}, its default; a broken class proves the verifier runs). A
 * class the agent leaves unchanged is the original file, byte for byte, and is not checked again.
 *
 * <p>The table goes to standard output and to {@code target/corpus-report.txt}.
 */
class BytecodeCorpusTest {

    /** Library name to the prefixes of its jars' file names on the test class path. */
    private static final Map<String, List<String>> CORPUS = new LinkedHashMap<>();

    static {
        CORPUS.put("guava", List.of("guava-"));
        CORPUS.put("netty", List.of("netty-"));
        CORPUS.put("jetty", List.of("jetty-"));
        CORPUS.put("jackson", List.of("jackson-"));
        CORPUS.put("kotlin-stdlib", List.of("kotlin-stdlib-"));
        CORPUS.put("scala-library", List.of("scala-library-"));
    }

    /** Fewer class files than this means a jar went missing from the corpus. */
    private static final int FEWEST_CLASSES_PER_LIBRARY = 300;

    private static final Pattern REFUSAL = Pattern.compile("(\\S+#\\S+) refused: (.+); it runs");
    private static final Pattern ABSTRACT = Pattern.compile("\\] INFO (\\S+) is abstract: ");
    private static final Pattern TWO_ROLES = Pattern.compile("\\] WARN (\\S+) has more than one");

    /** Marks a transformation that failed, in the parsed log. */
    private static final String FAILED_MARK = "transformation failed: ";

    private static URLClassLoader classPath;
    private static final Map<String, byte[]> ORIGINALS = new ConcurrentHashMap<>();
    private static final List<CorpusTally> TALLIES = new ArrayList<>();

    @BeforeAll
    static void openClassPath() {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(url(Path.of(entry)));
        }
        classPath = new URLClassLoader(urls.toArray(URL[]::new), platformLoader());
    }

    @AfterAll
    static void closeClassPath() throws IOException {
        classPath.close();
    }

    @Test
    void transform_everyClassOfTheCorpus_failsNone() throws Exception {
        for (Map.Entry<String, List<String>> library : CORPUS.entrySet()) {
            TALLIES.add(run(library.getKey(), jarsOf(library.getValue())));
        }

        String table = CorpusTally.table(TALLIES);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "corpus-report.txt"), table);
        for (CorpusTally tally : TALLIES) {
            assertTrue(
                    tally.classes >= FEWEST_CLASSES_PER_LIBRARY,
                    () -> tally.library + " has too few classes\n" + table);
            assertTrue(
                    tally.methodsChanged > 0, () -> tally.library + " rewrote nothing\n" + table);
            assertEquals(0, tally.failures.size(), () -> tally.library + " failed\n" + table);
        }
    }

    @Test
    void verifiers_onABrokenClass_rejectIt() throws Exception {
        byte[] broken = brokenClass("corpus/Broken");

        assertTrue(!asmVerify(broken).isEmpty(), "ASM's verifier accepted a broken class");
        IsolatingClassLoader loader = new IsolatingClassLoader("corpus.Broken", broken, n -> null);
        assertThrows(VerifyError.class, loader::loadAndLink);
    }

    private static CorpusTally run(String library, List<Path> jars) throws Exception {
        CorpusTally tally = new CorpusTally(library, names(jars));
        Map<String, CorpusTransformer> byVersion = new HashMap<>();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    if (isClassFile(entry.getName())) {
                        CorpusTransformer transformer =
                                byVersion.computeIfAbsent(
                                        versionOf(entry.getName()), v -> installTransformer());
                        check(tally, transformer, file.getInputStream(entry).readAllBytes());
                    }
                }
            }
        }
        return tally;
    }

    /** One transformer per multi-release version, so each version's warnings appear once. */
    private static CorpusTransformer installTransformer() {
        try {
            return CorpusTransformer.install();
        } catch (Exception e) {
            throw new IllegalStateException("installing the agent's transformer", e);
        }
    }

    private static void check(CorpusTally tally, CorpusTransformer transformer, byte[] original)
            throws Exception {
        ClassNode before = node(original);
        if ((before.access & Opcodes.ACC_MODULE) != 0) {
            return;
        }
        tally.classes++;
        String binaryName = before.name.replace('/', '.');
        Set<String> matched = matchedMethods(transformer, before);
        CorpusTransformer.Outcome outcome;
        try {
            outcome = transformer.transform(classPath, before.name, original);
        } catch (IllegalStateException e) {
            outcome = new CorpusTransformer.Outcome(null, List.of(FAILED_MARK + e.getCause()));
        }
        Map<String, String> refusals = refusals(binaryName, outcome.log());
        if (refusals.containsKey(FAILED_MARK)) {
            transformationFailed(tally, binaryName, original, outcome.log());
            return;
        }

        Set<String> changed = new HashSet<>();
        if (outcome.bytes() != null) {
            tally.classesChanged++;
            changed = changedMethods(before, node(outcome.bytes()));
            verify(tally, binaryName, original, outcome.bytes());
        }
        tally.methodsMatched += matched.size();
        for (String method : changed) {
            if (!matched.contains(method)) {
                tally.failed(binaryName + "#" + method + " changed but no selector names it");
            }
        }
        for (String method : matched) {
            if (changed.contains(method)) {
                tally.methodsChanged++;
            } else {
                tally.refused(reasonUnchanged(before, binaryName + "#" + method, refusals));
            }
        }
    }

    private static Set<String> matchedMethods(CorpusTransformer transformer, ClassNode type) {
        Set<String> matched = new HashSet<>();
        String binaryName = type.name.replace('/', '.');
        for (MethodNode method : type.methods) {
            boolean bridge = (method.access & Opcodes.ACC_BRIDGE) != 0;
            if (!bridge
                    && !method.name.equals("<clinit>")
                    && transformer.selected(binaryName, method.name, parameters(method.desc))) {
                matched.add(method.name + method.desc);
            }
        }
        return matched;
    }

    private static List<String> parameters(String descriptor) {
        List<String> names = new ArrayList<>();
        for (Type type : Type.getArgumentTypes(descriptor)) {
            names.add(type.getClassName());
        }
        return names;
    }

    /** Methods whose code differs in length: inlined advice always adds instructions. */
    private static Set<String> changedMethods(ClassNode before, ClassNode after) {
        Map<String, Integer> sizes = new HashMap<>();
        for (MethodNode method : before.methods) {
            sizes.put(method.name + method.desc, method.instructions.size());
        }
        Set<String> changed = new HashSet<>();
        for (MethodNode method : after.methods) {
            Integer size = sizes.get(method.name + method.desc);
            if (size == null || size != method.instructions.size()) {
                changed.add(method.name + method.desc);
            }
        }
        return changed;
    }

    /**
     * A failed transformation is a failure unless the JVM cannot link the original class either (a
     * supertype missing from the class path), in which case no agent could ever see it loaded.
     */
    private static void transformationFailed(
            CorpusTally tally, String binaryName, byte[] original, List<String> log)
            throws ClassNotFoundException {
        if (link(binaryName, original) != null) {
            tally.unlinkableAsOriginal++;
        } else {
            tally.failed(binaryName + " not transformed: " + String.join("\n    ", log));
        }
    }

    /**
     * Parses the agent's log: refusals by method; a failed transformation as {@link #FAILED_MARK}.
     */
    private static Map<String, String> refusals(String binaryName, List<String> log) {
        Map<String, String> reasons = new HashMap<>();
        for (String line : log) {
            Matcher refusal = REFUSAL.matcher(line);
            Matcher abstractMethod = ABSTRACT.matcher(line);
            Matcher twoRoles = TWO_ROLES.matcher(line);
            if (refusal.find()) {
                reasons.put(refusal.group(1), refusal.group(2));
            } else if (abstractMethod.find()) {
                reasons.put(
                        abstractMethod.group(1), "abstract: its role passes to implementations");
            } else if (twoRoles.find()) {
                reasons.put(twoRoles.group(1), "more than one role");
            } else if (line.contains("its transformation failed") || line.startsWith(FAILED_MARK)) {
                reasons.put(FAILED_MARK, binaryName);
            }
        }
        return reasons;
    }

    private static String reasonUnchanged(
            ClassNode type, String method, Map<String, String> refusals) {
        String reason = refusals.get(method);
        if (reason != null) {
            return reason;
        }
        if ((type.access & Opcodes.ACC_SYNTHETIC) != 0) {
            return "declared by a compiler-generated class";
        }
        if ((type.access & Opcodes.ACC_ANNOTATION) != 0) {
            return "declared by an annotation type";
        }
        return "left unchanged without a word (" + method + ")";
    }

    private static void verify(CorpusTally tally, String binaryName, byte[] original, byte[] result)
            throws ClassNotFoundException {
        String asm = asmVerify(result);
        if (!asm.isEmpty() && asmVerify(original).isEmpty()) {
            tally.failed(binaryName + " fails ASM's verifier after rewriting:\n" + asm);
        }
        Throwable linked = link(binaryName, result);
        if (linked == null) {
            return;
        }
        Throwable originalLinked = link(binaryName, original);
        if (originalLinked != null && sameError(linked, originalLinked)) {
            tally.unlinkableAsOriginal++;
        } else {
            tally.failed(binaryName + " does not link after rewriting: " + linked);
        }
    }

    private static boolean sameError(Throwable a, Throwable b) {
        return a.getClass() == b.getClass()
                && String.valueOf(a.getMessage()).equals(b.getMessage());
    }

    private static Throwable link(String binaryName, byte[] bytes) throws ClassNotFoundException {
        try {
            new IsolatingClassLoader(binaryName, bytes, BytecodeCorpusTest::originalOf)
                    .loadAndLink();
            return null;
        } catch (LinkageError e) {
            return e;
        }
    }

    /** ASM's structural check and data-flow verifier; the empty string when both pass. */
    private static String asmVerify(byte[] bytes) {
        StringWriter problems = new StringWriter();
        try {
            CheckClassAdapter.verify(
                    new ClassReader(bytes), classPath, false, new PrintWriter(problems));
        } catch (RuntimeException e) {
            e.printStackTrace(new PrintWriter(problems));
        }
        return problems.toString();
    }

    private static byte[] originalOf(String binaryName) {
        return ORIGINALS.computeIfAbsent(binaryName, BytecodeCorpusTest::readFromClassPath);
    }

    private static byte[] readFromClassPath(String binaryName) {
        URL resource = classPath.findResource(binaryName.replace('.', '/') + ".class");
        if (resource == null) {
            return null;
        }
        try (InputStream in = resource.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A class whose method returns an {@code Object} where it promised an {@code int}. */
    private static byte[] brokenClass(String internalName) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, internalName, null, "java/lang/Object", null);
        MethodVisitor method =
                writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "f", "()I", null, null);
        method.visitCode();
        method.visitLdcInsn("not an int");
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(0, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static ClassNode node(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, ClassReader.SKIP_DEBUG);
        return node;
    }

    private static boolean isClassFile(String entry) {
        return entry.endsWith(".class") && !entry.endsWith("module-info.class");
    }

    private static String versionOf(String entry) {
        if (!entry.startsWith("META-INF/versions/")) {
            return "base";
        }
        return entry.substring(0, entry.indexOf('/', "META-INF/versions/".length()));
    }

    private static List<Path> jarsOf(List<String> prefixes) {
        List<Path> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && prefixes.stream().anyMatch(name::startsWith)) {
                jars.add(Path.of(entry));
            }
        }
        assertTrue(!jars.isEmpty(), () -> "no jar named " + prefixes + " on the class path");
        return jars;
    }

    private static List<String> names(List<Path> jars) {
        return jars.stream().map(jar -> jar.getFileName().toString()).toList();
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ClassLoader platformLoader() {
        return ClassLoader.getPlatformClassLoader();
    }
}
