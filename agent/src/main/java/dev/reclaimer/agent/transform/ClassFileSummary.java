package dev.reclaimer.agent.transform;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the pre-filter needs from a class file, read straight from its bytes without a bytecode
 * library: the class's name, its direct supertypes, and whether its constant pool names one of the
 * role annotations. A method can only carry a role through its own annotation, a selector naming
 * its class, or a supertype's method, so these few facts decide whether a class is worth describing
 * in full.
 *
 * <p>Only the constant pool and the header after it are read; class names are decoded as modified
 * UTF-8, and the annotation test compares bytes, so a class that names nothing of ours costs one
 * pass over its constant pool and no strings but its supertypes' names.
 *
 * @param name the class's internal name ({@code com/example/Region})
 * @param supertypes the internal names of its superclass (absent for {@code Object}) and its
 *     interfaces
 * @param namesRoleAnnotation whether a role annotation's descriptor is in the constant pool
 */
record ClassFileSummary(String name, List<String> supertypes, boolean namesRoleAnnotation) {

    private static final int MAGIC = 0xCAFEBABE;

    /** The prefix every role annotation's descriptor starts with, as class-file bytes. */
    private static final byte[] API_PREFIX = {
        'L', 'd', 'e', 'v', '/', 'r', 'e', 'c', 'l', 'a', 'i', 'm', 'e', 'r', '/'
    };

    private static final Set<String> ROLE_DESCRIPTORS = roleDescriptors();

    /**
     * Reads the summary of a class file.
     *
     * @param bytes the class file
     * @return the summary, or {@code null} when the bytes are not a class file this reader knows (a
     *     constant-pool tag from a newer format, or truncated bytes), which callers treat as "may
     *     need rewriting"
     */
    static ClassFileSummary read(byte[] bytes) {
        try {
            return new Reader(bytes).summary();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Set<String> roleDescriptors() {
        List<String> descriptors = new ArrayList<>();
        for (Role role : Role.values()) {
            if (role.annotationName != null) {
                descriptors.add("L" + role.annotationName.replace('.', '/') + ";");
            }
        }
        return Set.copyOf(descriptors);
    }

    /** One pass over one class file. */
    private static final class Reader {

        private final byte[] bytes;
        private int position;

        /** Offset of each constant-pool entry's first byte after its tag, by index. */
        private int[] entries;

        private boolean namesRoleAnnotation;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        ClassFileSummary summary() throws IOException {
            if (u4() != MAGIC) {
                return null;
            }
            position += 4; // minor and major version
            if (!readConstantPool()) {
                return null;
            }
            position += 2; // access flags
            String name = className(u2());
            List<String> supertypes = new ArrayList<>();
            int superIndex = u2();
            if (superIndex != 0) {
                supertypes.add(className(superIndex));
            }
            for (int count = u2(); count > 0; count--) {
                supertypes.add(className(u2()));
            }
            return new ClassFileSummary(name, List.copyOf(supertypes), namesRoleAnnotation);
        }

        /** Records where each entry is; false on a tag this reader does not know. */
        private boolean readConstantPool() throws IOException {
            int count = u2();
            entries = new int[count];
            for (int index = 1; index < count; index++) {
                int tag = bytes[position++];
                entries[index] = position;
                int size = entrySize(tag);
                if (size < 0) {
                    return false;
                }
                if (tag == 1) {
                    noteUtf8(position + 2, u2at(position));
                }
                position += size;
                if (tag == 5 || tag == 6) {
                    index++; // a long or double takes two slots
                }
            }
            return true;
        }

        /** The bytes after an entry's tag, or -1 for an unknown tag. */
        private int entrySize(int tag) {
            return switch (tag) {
                case 1 -> 2 + u2at(position); // Utf8
                case 7, 8, 16, 19, 20 -> 2; // Class, String, MethodType, Module, Package
                case 15 -> 3; // MethodHandle
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 4; // Integer, Float, refs, NameAndType, Dynamic
                case 5, 6 -> 8; // Long, Double
                default -> -1;
            };
        }

        private void noteUtf8(int start, int length) throws IOException {
            if (namesRoleAnnotation || length < API_PREFIX.length + 2) {
                return;
            }
            for (int i = 0; i < API_PREFIX.length; i++) {
                if (bytes[start + i] != API_PREFIX[i]) {
                    return;
                }
            }
            namesRoleAnnotation = ROLE_DESCRIPTORS.contains(utf8At(start - 2));
        }

        private String className(int classIndex) throws IOException {
            return utf8At(entries[u2at(entries[classIndex])]);
        }

        /** Decodes the modified UTF-8 string whose length field starts at {@code offset}. */
        private String utf8At(int offset) throws IOException {
            int length = u2at(offset);
            for (int i = offset + 2; i < offset + 2 + length; i++) {
                if (bytes[i] < 0) { // not ASCII: the general decoder
                    return new DataInputStream(new ByteArrayInputStream(bytes, offset, length + 2))
                            .readUTF();
                }
            }
            return new String(bytes, offset + 2, length, StandardCharsets.ISO_8859_1);
        }

        private int u2() {
            int value = u2at(position);
            position += 2;
            return value;
        }

        private int u4() {
            int value = (u2at(position) << 16) | u2at(position + 2);
            position += 4;
            return value;
        }

        private int u2at(int offset) {
            return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        }
    }
}
