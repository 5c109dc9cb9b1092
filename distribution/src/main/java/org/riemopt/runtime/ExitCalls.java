package org.riemopt.runtime;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

/**
 * Finds calls that would end the host in a plugin jar's bytecode: {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt}, as calls or method references, in the jar's classes and in jars it embeds. Each class file's
 * constant pool is read (every call and method reference of a class is a {@code Methodref} entry there), so nothing
 * of the plugin is loaded or run. A call made by reflection is not found.
 */
final class ExitCalls {

    private ExitCalls() {
    }

    /** The first such call in the jar read from {@code in}, as {@code "System.exit in a/b/C.class"}, if any. */
    static Optional<String> find(InputStream in) throws IOException {
        JarInputStream jar = new JarInputStream(in, false);
        for (JarEntry e = jar.getNextJarEntry(); e != null; e = jar.getNextJarEntry()) {
            String name = e.getName();
            if (name.endsWith(".class")) {
                Optional<String> call = inClass(jar.readAllBytes());
                if (call.isPresent()) {
                    return Optional.of(call.get() + " in " + name);
                }
            } else if (name.endsWith(".jar")) {
                Optional<String> call = find(new ByteArrayInputStream(jar.readAllBytes()));
                if (call.isPresent()) {
                    return Optional.of(call.get() + " (in " + name + ")");
                }
            }
        }
        return Optional.empty();
    }

    /** The first host-ending call a class file refers to, e.g. {@code "System.exit"}; empty if none or unreadable. */
    static Optional<String> inClass(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            if (in.readInt() != 0xCAFEBABE) {
                return Optional.empty();
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] first = new int[count];
            int[] second = new int[count];
            int[] tags = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                tags[i] = tag;
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 3, 4 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> first[i] = in.readUnsignedShort();
                    case 9, 10, 11, 12, 17, 18 -> {
                        first[i] = in.readUnsignedShort();
                        second[i] = in.readUnsignedShort();
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        first[i] = in.readUnsignedShort();
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            for (int i = 1; i < count; i++) {
                if (tags[i] != 10) {
                    continue;
                }
                String owner = utf8[first[first[i]]];
                String method = utf8[first[second[i]]];
                if ("java/lang/System".equals(owner) && "exit".equals(method)) {
                    return Optional.of("System.exit");
                }
                if ("java/lang/Runtime".equals(owner) && ("exit".equals(method) || "halt".equals(method))) {
                    return Optional.of("Runtime." + method);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
