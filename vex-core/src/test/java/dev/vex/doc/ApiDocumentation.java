package dev.vex.doc;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Lists the declarations of a module's API packages that a user sees in the javadoc but that
 * have no documentation comment: what doclint reports as "no comment", found on the parse trees
 * alone (no compilation, so it is quick). Public and protected members of public types count,
 * interface members being public; enum constants too; overrides inherit their comment. A
 * one-line comment without {@code @param} and {@code @return} tags is enough.
 */
public final class ApiDocumentation {
    private ApiDocumentation() {
    }

    /** {@code path:line name} for each undocumented declaration of {@code packages} under {@code sourceRoot}. */
    public static List<String> undocumented(Path sourceRoot, List<String> packages) throws IOException {
        Path root = sourceRoot.toAbsolutePath();
        List<Path> files = new ArrayList<>();
        for (String pkg : packages) {
            try (Stream<Path> s = Files.list(root.resolve(pkg.replace('.', '/')))) {
                s.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).forEach(files::add);
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> out = new ArrayList<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            JavacTask task = (JavacTask) javac.getTask(new StringWriter(), fm, null, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromPaths(files));
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Boolean>() {
                    @Override
                    public Void visitClass(ClassTree c, Boolean inInterface) {
                        if (!visible(c.getModifiers(), inInterface)) {
                            return null; // nothing inside a hidden type is seen either
                        }
                        check(c.getSimpleName().toString());
                        boolean iface = c.getKind() == Tree.Kind.INTERFACE || c.getKind() == Tree.Kind.ANNOTATION_TYPE;
                        TreePath here = getCurrentPath(); // scan(TreePath, ...) clears the current path
                        for (Tree member : c.getMembers()) {
                            scan(new TreePath(here, member), iface);
                        }
                        return null;
                    }

                    @Override
                    public Void visitMethod(MethodTree m, Boolean inInterface) {
                        boolean overrides = m.getModifiers().getAnnotations().stream()
                                .anyMatch(a -> a.getAnnotationType().toString().equals("Override"));
                        if (visible(m.getModifiers(), inInterface) && !generated(m) && !overrides) {
                            check(m.getName().toString());
                        }
                        return null;
                    }

                    @Override
                    public Void visitVariable(VariableTree v, Boolean inInterface) {
                        boolean enumConstant = v.getModifiers().getFlags().isEmpty()
                                && v.getInitializer() != null && v.getInitializer().getKind() == Tree.Kind.NEW_CLASS
                                && getCurrentPath().getParentPath().getLeaf().getKind() == Tree.Kind.ENUM
                                && v.getType() == null;
                        if (enumConstant || visible(v.getModifiers(), inInterface)) {
                            check(v.getName().toString());
                        }
                        return null;
                    }

                    private boolean generated(MethodTree m) {
                        // A record's compact canonical constructor written out still needs a comment;
                        // only the implicit default constructor has no position.
                        return docs.getSourcePositions().getStartPosition(unit, m) < 0;
                    }

                    private void check(String name) {
                        DocCommentTree doc = docs.getDocCommentTree(getCurrentPath());
                        if (doc == null) {
                            long line = unit.getLineMap().getLineNumber(
                                    docs.getSourcePositions().getStartPosition(unit, getCurrentPath().getLeaf()));
                            out.add(root.relativize(Path.of(unit.getSourceFile().toUri())) + ":" + line + " " + name);
                        }
                    }
                }.scan(new TreePath(unit), false);
            }
        }
        return out;
    }

    private static boolean visible(ModifiersTree mods, boolean inInterface) {
        return mods.getFlags().contains(Modifier.PUBLIC) || mods.getFlags().contains(Modifier.PROTECTED)
                || (inInterface && !mods.getFlags().contains(Modifier.PRIVATE));
    }
}
