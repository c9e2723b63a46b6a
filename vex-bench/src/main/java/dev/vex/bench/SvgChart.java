package dev.vex.bench;

import java.util.List;
import java.util.Locale;

/**
 * {@code bench-results.svg}: one bar per figure with a target, its length how far the figure is
 * from the target ({@link Figure#shortfall()}) on a log scale from 1/10 to 100, with the target
 * as a vertical line; green meets, red misses.
 */
final class SvgChart {
    private static final int LABEL = 330;
    private static final int PLOT = 420;
    private static final int ROW = 22;
    private static final double MIN = 0.1;
    private static final double MAX = 100;

    private SvgChart() {
    }

    static String render(String title, List<Figure> figures) {
        List<Figure> shown = figures.stream().filter(Figure::hasTarget).toList();
        int height = 60 + ROW * shown.size() + 30;
        int width = LABEL + PLOT + 90;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, height));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"10\" y=\"20\" font-size=\"14\">").append(escape(title)).append("</text>\n");
        sb.append("<text x=\"10\" y=\"38\" fill=\"#555\">value / target (log scale; left of the line meets the target)</text>\n");
        int y = 55;
        for (Figure f : shown) {
            double ratio = f.shortfall();
            double w = x(ratio);
            boolean meets = Boolean.TRUE.equals(f.meets());
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    LABEL - 8, y + 14, escape(f.name())));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>%n",
                    LABEL, y + 3, w, ROW - 6, meets ? "#3a9a4a" : "#c8463c"));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s×</text>%n",
                    LABEL + w + 4, y + 14, Numbers.format(ratio)));
            y += ROW;
        }
        double one = LABEL + x(1);
        sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"45\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-dasharray=\"4 3\"/>%n",
                one, one, y + 4));
        for (double tick : new double[] {0.1, 1, 10, 100}) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>%n",
                    LABEL + x(tick), y + 20, Numbers.format(tick)));
        }
        return sb.append("</svg>\n").toString();
    }

    private static double x(double ratio) {
        double r = Math.max(MIN, Math.min(MAX, ratio));
        return PLOT * (Math.log(r / MIN) / Math.log(MAX / MIN));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
