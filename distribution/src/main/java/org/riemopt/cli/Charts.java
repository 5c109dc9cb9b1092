package org.riemopt.cli;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of {@code compare} and {@code sweep}, drawn with XChart into images (headless: only
 * {@link BufferedImage} and {@link Graphics2D}, no window).
 */
final class Charts {

    /** Size of one panel in pixels. */
    static final int WIDTH = 640;
    /** Height of a panel in pixels. */
    static final int HEIGHT = 480;

    private Charts() {
    }

    /** A line of a chart: its name and its points. */
    record Line(String name, double[] x, double[] y) {
    }

    /**
     * A line chart with a logarithmic y-axis. Points that a log scale cannot show (zero, negative, non-finite) are
     * left out; a line with no point left is not drawn.
     */
    static XYChart logLines(String title, String xLabel, String yLabel, List<Line> lines) {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setYAxisLogarithmic(true);
        for (Line line : lines) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < line.x().length; i++) {
                if (line.y()[i] > 0 && Double.isFinite(line.y()[i]) && Double.isFinite(line.x()[i])) {
                    x.add(line.x()[i]);
                    y.add(line.y()[i]);
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(line.name(), x, y).setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    /**
     * Lines with markers on a linear y-axis from 0 to 1 (success rates). {@code xLabels}, when not {@code null},
     * names the x positions 0, 1, ... (for swept values that are not numbers).
     */
    static XYChart rates(String title, String xLabel, String yLabel, List<Line> lines, List<String> xLabels) {
        XYChart chart = chart(title, xLabel, yLabel);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        if (xLabels != null) {
            Function<Double, String> label = x -> {
                long i = Math.round(x);
                return Math.abs(x - i) < 1e-9 && i >= 0 && i < xLabels.size() ? xLabels.get((int) i) : "";
            };
            chart.getStyler().setxAxisTickLabelsFormattingFunction(label);
        }
        for (Line line : lines) {
            chart.addSeries(line.name(), line.x(), line.y());
        }
        return chart;
    }

    /** Charts side by side in one image, each {@link #WIDTH} x {@link #HEIGHT}. */
    static BufferedImage sideBySide(XYChart... charts) {
        BufferedImage image = new BufferedImage(WIDTH * charts.length, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        for (int i = 0; i < charts.length; i++) {
            Graphics2D panel = (Graphics2D) g.create(WIDTH * i, 0, WIDTH, HEIGHT);
            charts[i].paint(panel, WIDTH, HEIGHT);
            panel.dispose();
        }
        g.dispose();
        return image;
    }

    private static XYChart chart(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel)
                .yAxisTitle(yLabel).build();
        var styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        // a tick every 80 pixels or so: XChart's default puts one on every integer of a short iteration axis
        styler.setXAxisTickMarkSpacingHint(80);
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        styler.setMarkerSize(6);
        return chart;
    }

    /**
     * The median over runs of a quantity recorded at increasing abscissae (iterations or seconds), on {@code grid}:
     * each run contributes its last value at or before the grid point (its first value before its first record,
     * its final value after its end, so that a run that stopped early keeps its final value).
     *
     * @param xs the abscissae of each run, ascending
     * @param ys the values of each run
     */
    static double[] median(double[] grid, List<double[]> xs, List<double[]> ys) {
        double[] out = new double[grid.length];
        double[] column = new double[xs.size()];
        for (int g = 0; g < grid.length; g++) {
            for (int r = 0; r < xs.size(); r++) {
                double[] x = xs.get(r);
                int k = Arrays.binarySearch(x, grid[g]);
                // the last record at or before the grid point; ties in x resolve to any of the equal entries
                int at = k >= 0 ? k : Math.max(0, -k - 2);
                column[r] = ys.get(r)[at];
            }
            double[] sorted = column.clone();
            Arrays.sort(sorted);
            out[g] = TrialStatistics.quantile(sorted, 0.5);
        }
        return out;
    }
}
