package dev.vex.bench;

import java.util.List;

/** The figures as a markdown table: figure, Vex, target, meets, and what the same run measured beside it. */
final class MarkdownTable {
    private MarkdownTable() {
    }

    static String render(List<Figure> figures) {
        StringBuilder sb = new StringBuilder();
        sb.append("| figure | Vex | target | meets | same run: baseline and peers |\n");
        sb.append("|---|---|---|---|---|\n");
        for (Figure f : figures) {
            Boolean meets = f.meets();
            sb.append("| ").append(f.title())
                    .append(" | ").append(Numbers.format(f.value())).append(' ').append(f.unit())
                    .append(" | ").append(f.targetText())
                    .append(" | ").append(meets == null ? "—" : meets ? "yes" : "**no**")
                    .append(" | ").append(f.context().replace("|", "\\|"))
                    .append(" |\n");
        }
        return sb.toString();
    }
}
