package dev.reclaimer.its.compat;

import java.util.function.Function;

/**
 * A throwaway child-first class loader over the corpus: it defines the class under test from the
 * bytes given (the agent's output), every other corpus class from its original bytes, and leaves
 * the JDK to the platform loader. Classes it defines are not boot classes, so the JVM verifies them
 * when they are linked ({@code -XX:+BytecodeVerificationRemote}, on by default).
 */
final class IsolatingClassLoader extends ClassLoader {

    private final String target;
    private final byte[] targetBytes;
    private final Function<String, byte[]> corpus;

    /**
     * @param target the binary name of the class under test
     * @param targetBytes its class file
     * @param corpus the original class file of a corpus class by binary name, or {@code null}
     */
    IsolatingClassLoader(String target, byte[] targetBytes, Function<String, byte[]> corpus) {
        super("corpus-" + target, ClassLoader.getPlatformClassLoader());
        this.target = target;
        this.targetBytes = targetBytes;
        this.corpus = corpus;
    }

    /**
     * Loads the class under test and links it, which runs the JVM's verifier over it (and over its
     * superclasses) without initialising it: HotSpot links a class before it reflects its methods.
     *
     * @return the linked class
     * @throws ClassNotFoundException if the class under test is not there
     * @throws LinkageError when the class does not define or link
     */
    Class<?> loadAndLink() throws ClassNotFoundException {
        Class<?> type = loadClass(target);
        type.getDeclaredMethods();
        return type;
    }

    /**
     * Loads the class under test, links and initialises it, and makes an instance with its public
     * no-argument constructor: linking without reflecting on every method, whose signatures may
     * name classes that are absent.
     *
     * @return the instance
     * @throws ReflectiveOperationException if it cannot be made
     */
    Object instantiate() throws ReflectiveOperationException {
        return loadClass(target).getConstructor().newInstance();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded != null) {
                return loaded;
            }
            byte[] bytes = name.equals(target) ? targetBytes : corpus.apply(name);
            if (bytes == null) {
                return super.loadClass(name, resolve);
            }
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
