package dev.vex.runtime.jit;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * Picks the process's {@link SlotInvoker}, once: on JDK 22 and later the FFM downcall binding,
 * {@code dev.vex.runtime.jit.ffm.FfmSlotInvoker}, which lives in the jar's
 * {@code META-INF/versions/22} (a multi-release jar, so JDK 17 never sees it); otherwise, or when
 * {@code -Dvex.calls=jni} asks for it, the JNI method.
 *
 * <p>Run from the build's class directories instead of the jar, no multi-release lookup happens;
 * the FFM classes are then loaded from {@code classes/META-INF/versions/22} by a child class
 * loader, so tests and the {@code vex} tool get the same binding as the jar.
 */
public final class CallBinding {
    /** The FFM binding's class, compiled for release 22. */
    static final String FFM_CLASS = "dev.vex.runtime.jit.ffm.FfmSlotInvoker";
    /** The system property that forces a binding: {@code jni} or {@code ffm}. */
    public static final String PROPERTY = "vex.calls";

    private static final SlotInvoker INVOKER = choose();

    private CallBinding() {
    }

    /** The binding calls from Java go through. */
    public static SlotInvoker invoker() {
        return INVOKER;
    }

    private static SlotInvoker choose() {
        String asked = System.getProperty(PROPERTY, "");
        if (!asked.isEmpty() && !asked.equals("jni") && !asked.equals("ffm")) {
            throw new IllegalArgumentException("-D" + PROPERTY + " is '" + asked + "': it takes jni or ffm");
        }
        if (asked.equals("jni") || Runtime.version().feature() < 22) {
            if (asked.equals("ffm")) {
                throw new IllegalStateException("-D" + PROPERTY + "=ffm needs JDK 22 or later; this is "
                        + Runtime.version());
            }
            return new JniSlotInvoker();
        }
        try {
            return (SlotInvoker) ffmClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            if (asked.equals("ffm")) {
                throw new IllegalStateException("-D" + PROPERTY + "=ffm: the FFM binding did not load", e);
            }
            // A jar built without a JDK 22 compiler has no FFM classes: the JNI method still works.
            return new JniSlotInvoker();
        }
    }

    private static Class<?> ffmClass() throws ClassNotFoundException {
        ClassLoader own = CallBinding.class.getClassLoader();
        try {
            return Class.forName(FFM_CLASS, true, own);
        } catch (ClassNotFoundException e) {
            String file = FFM_CLASS.replace('.', '/') + ".class";
            URL found = own.getResource("META-INF/versions/22/" + file);
            if (found == null) {
                throw e;
            }
            String url = found.toString();
            try {
                URL root = URI.create(url.substring(0, url.length() - file.length())).toURL();
                // Never closed: the binding's classes stay loaded for the life of the process.
                @SuppressWarnings("resource")
                URLClassLoader versioned = new URLClassLoader(new URL[] {root}, own);
                return Class.forName(FFM_CLASS, true, versioned);
            } catch (MalformedURLException | IllegalArgumentException bad) {
                throw new ClassNotFoundException(FFM_CLASS + " at " + url, bad);
            }
        }
    }
}
