package dev.vex.bench;

import java.util.List;
import java.util.Map;

/**
 * {@code bench-results.json}: the machine, the JVMs and, per figure, {@code name}, {@code value},
 * {@code unit}, {@code target}, {@code meets} (null for a figure without a target), plus
 * {@code context}.
 */
final class ResultsJson {
    private ResultsJson() {
    }

    static String render(Map<String, String> environment, List<Figure> figures) {
        StringBuilder sb = new StringBuilder("{\n  \"environment\": {");
        String sep = "\n";
        for (Map.Entry<String, String> e : environment.entrySet()) {
            sb.append(sep).append("    ").append(string(e.getKey())).append(": ").append(string(e.getValue()));
            sep = ",\n";
        }
        sb.append("\n  },\n  \"figures\": [");
        sep = "\n";
        for (Figure f : figures) {
            sb.append(sep).append("    {\"name\": ").append(string(f.name()))
                    .append(", \"value\": ").append(number(f.value()))
                    .append(", \"unit\": ").append(string(f.unit()))
                    .append(", \"target\": ").append(f.hasTarget() ? number(f.target()) : "null")
                    .append(", \"bound\": ").append(f.hasTarget() ? string(f.atMost() ? "at most" : "at least") : "null")
                    .append(", \"meets\": ").append(f.meets())
                    .append(", \"context\": ").append(string(f.context()))
                    .append('}');
            sep = ",\n";
        }
        return sb.append("\n  ]\n}\n").toString();
    }

    private static String number(double v) {
        return Double.isFinite(v) ? Numbers.format(v).replace(",", "") : "null";
    }

    static String string(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
