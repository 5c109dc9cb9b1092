package org.riemopt.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;

/**
 * Renders a landscape slice as a contour plot, headless ({@link BufferedImage} and {@link Graphics2D} only): the
 * colour of each pixel is {@code log10(cost − min + ε)} with {@code ε = 10⁻³·(max − min)}, interpolated bilinearly
 * between grid nodes (viridis: dark is low), {@value #LEVELS} contour lines of that value traced by marching squares,
 * a colour bar labelled in cost, axes {@code a} and {@code b} with ticks, the start marked by a white circle at
 * {@code (0, 0)} and the target by a white star at {@code (1, 0)}. The image is {@value #WIDTH} x {@value #HEIGHT}.
 */
final class ContourPlot {

    /** Width of the image in pixels. */
    static final int WIDTH = 760;
    /** Height of the image in pixels. */
    static final int HEIGHT = 640;
    /** Number of contour lines. */
    static final int LEVELS = 15;

    private static final int LEFT = 80;
    private static final int TOP = 70;
    private static final int SIZE = 500;
    private static final int BAR_LEFT = LEFT + SIZE + 30;
    private static final int BAR_WIDTH = 22;
    /** Floor of the log scale relative to the cost's range: three decades of colour below the range. */
    private static final double FLOOR = 1e-3;
    private static final double[][] VIRIDIS = {
        {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141}, {39, 173, 129}, {92, 200, 99},
        {170, 220, 50}, {253, 231, 37},
    };

    private ContourPlot() {
    }

    /**
     * The plot of {@code cost[i][j]} at {@code a = coordinates[i]}, {@code b = coordinates[j]}.
     *
     * @param coordinates the grid's values of both axes, ascending, symmetric about 0
     * @param cost        the cost at each node; non-finite values are drawn grey
     * @param title       the line written above the plot
     * @param startLabel  the start's name, written beside its marker
     * @param targetLabel the target's name, written beside its marker
     */
    static BufferedImage render(double[] coordinates, double[][] cost, String title, String startLabel,
                                String targetLabel) {
        int n = coordinates.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : cost) {
            for (double c : row) {
                if (Double.isFinite(c)) {
                    min = Math.min(min, c);
                    max = Math.max(max, c);
                }
            }
        }
        double range = max - min;
        double epsilon = range > 0 ? FLOOR * range : 1;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = Double.isFinite(cost[i][j]) ? Math.log10(cost[i][j] - min + epsilon) : Double.NaN;
            }
        }
        double low = Math.log10(epsilon);
        double high = Math.log10(range + epsilon);

        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        // colour map: each pixel centre's fractional grid index, interpolated between the four nodes around it
        for (int px = 0; px < SIZE; px++) {
            double fi = (px + 0.5) / SIZE * (n - 1);
            for (int py = 0; py < SIZE; py++) {
                double fj = (SIZE - py - 0.5) / SIZE * (n - 1);
                double value = bilinear(w, fi, fj);
                image.setRGB(LEFT + px, TOP + py, Double.isNaN(value) ? 0x999999
                        : viridis(range > 0 ? (value - low) / (high - low) : 0.5));
            }
        }

        if (range > 0) {
            g.setColor(new Color(255, 255, 255, 150));
            g.setStroke(new BasicStroke(1f));
            for (int k = 1; k <= LEVELS; k++) {
                contour(g, w, low + (high - low) * k / (LEVELS + 1));
            }
        }

        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, SIZE, SIZE);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        g.setFont(font);
        double extent = coordinates[n - 1];
        double step = niceStep(2 * extent / 8);
        FontMetrics fm = g.getFontMetrics();
        for (double t = Math.ceil(-extent / step - 1e-9) * step; t <= extent + 1e-9; t += step) {
            String label = tick(t);
            int x = xPixel(t, extent);
            int y = yPixel(t, extent);
            g.drawLine(x, TOP + SIZE, x, TOP + SIZE + 5);
            g.drawString(label, x - fm.stringWidth(label) / 2, TOP + SIZE + 20);
            g.drawLine(LEFT - 5, y, LEFT, y);
            g.drawString(label, LEFT - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }
        Font axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        g.setFont(axisFont);
        String aLabel = "a  (along d\u2081, from " + startLabel + " towards " + targetLabel + ")";
        g.drawString(aLabel, LEFT + SIZE / 2 - g.getFontMetrics().stringWidth(aLabel) / 2, TOP + SIZE + 45);
        String bLabel = "b  (along d\u2082, random, \u27c2 d\u2081, \u2016d\u2082\u2016 = \u2016d\u2081\u2016)";
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(bLabel, -(TOP + SIZE / 2) - g.getFontMetrics().stringWidth(bLabel) / 2, LEFT - 50);
        g.setTransform(saved);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 28);
        g.setFont(font);
        g.drawString("cost at x\u2080 + a\u00b7d\u2081 + b\u00b7d\u2082, colour and " + LEVELS
                + " contours on a log scale", LEFT, 50);

        colourBar(g, min, range, epsilon, low, high);

        int sx = xPixel(0, extent);
        int sy = yPixel(0, extent);
        g.setColor(Color.WHITE);
        g.fillOval(sx - 6, sy - 6, 12, 12);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.drawOval(sx - 6, sy - 6, 12, 12);
        int tx = xPixel(1, extent);
        Polygon star = star(tx, sy, 10, 4);
        g.setColor(Color.WHITE);
        g.fillPolygon(star);
        g.setColor(Color.BLACK);
        g.drawPolygon(star);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        outlined(g, startLabel, sx - g.getFontMetrics().stringWidth(startLabel) / 2, sy - 12);
        outlined(g, targetLabel, tx - g.getFontMetrics().stringWidth(targetLabel) / 2, sy - 15);
        g.dispose();
        return image;
    }

    /** Bilinear interpolation of {@code w} at fractional indices; NaN if a node around is not finite. */
    private static double bilinear(double[][] w, double fi, double fj) {
        int n = w.length;
        int i = Math.min((int) fi, n - 2);
        int j = Math.min((int) fj, n - 2);
        double s = fi - i;
        double t = fj - j;
        return (1 - s) * ((1 - t) * w[i][j] + t * w[i][j + 1]) + s * ((1 - t) * w[i + 1][j] + t * w[i + 1][j + 1]);
    }

    /**
     * Draws the level set {@code w = level} by marching squares: in each grid cell, the points where the level
     * crosses the cell's edges (linearly interpolated) are joined; a cell crossed on all four edges (a saddle) is
     * resolved by the value at its centre.
     */
    private static void contour(Graphics2D g, double[][] w, double level) {
        int n = w.length;
        double scale = (double) SIZE / (n - 1);
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < n - 1; i++) {
            for (int j = 0; j < n - 1; j++) {
                // corners counter-clockwise from (i, j); edge e runs from corner e to corner e + 1
                double[] v = {w[i][j], w[i + 1][j], w[i + 1][j + 1], w[i][j + 1]};
                int[] ci = {i, i + 1, i + 1, i};
                int[] cj = {j, j, j + 1, j + 1};
                if (Double.isNaN(v[0] + v[1] + v[2] + v[3])) {
                    continue;
                }
                int crossings = 0;
                for (int e = 0; e < 4; e++) {
                    int f = (e + 1) % 4;
                    if ((v[e] < level) != (v[f] < level)) {
                        double t = (level - v[e]) / (v[f] - v[e]);
                        xs[crossings] = LEFT + (ci[e] + t * (ci[f] - ci[e])) * scale;
                        ys[crossings] = TOP + SIZE - (cj[e] + t * (cj[f] - cj[e])) * scale;
                        crossings++;
                    }
                }
                if (crossings == 2) {
                    g.draw(new Line2D.Double(xs[0], ys[0], xs[1], ys[1]));
                } else if (crossings == 4) {
                    // corners 0 and 2 lie on one side; if the centre does too, the region joins them and the lines
                    // cut off corners 1 (edges 0, 1) and 3 (edges 2, 3), else corners 2 (edges 1, 2) and 0 (3, 0)
                    boolean centreWithCorner0 = ((v[0] + v[1] + v[2] + v[3]) / 4 < level) == (v[0] < level);
                    int first = centreWithCorner0 ? 0 : 1;
                    g.draw(new Line2D.Double(xs[first], ys[first], xs[first + 1], ys[first + 1]));
                    g.draw(new Line2D.Double(xs[(first + 2) % 4], ys[(first + 2) % 4], xs[(first + 3) % 4],
                            ys[(first + 3) % 4]));
                }
            }
        }
    }

    /** The colour bar beside the plot, with ticks labelled in cost (not in the log value the colours follow). */
    private static void colourBar(Graphics2D g, double min, double range, double epsilon, double low, double high) {
        for (int py = 0; py < SIZE; py++) {
            g.setColor(new Color(viridis((SIZE - py - 0.5) / SIZE)));
            g.fillRect(BAR_LEFT, TOP + py, BAR_WIDTH, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(BAR_LEFT, TOP, BAR_WIDTH, SIZE);
        FontMetrics fm = g.getFontMetrics();
        int ticks = range > 0 ? 6 : 1;
        for (int k = 0; k < ticks; k++) {
            double fraction = ticks == 1 ? 0.5 : (double) k / (ticks - 1);
            // the bottom tick is the minimum itself, not min + 10^low − ε with its round-off
            double value = range > 0 && k > 0 ? min + Math.pow(10, low + fraction * (high - low)) - epsilon : min;
            int y = (int) Math.round(TOP + SIZE - fraction * SIZE);
            g.drawLine(BAR_LEFT + BAR_WIDTH, y, BAR_LEFT + BAR_WIDTH + 4, y);
            g.drawString(String.format("%.3g", value), BAR_LEFT + BAR_WIDTH + 7, y + fm.getAscent() / 2 - 1);
        }
        g.drawString("cost", BAR_LEFT, TOP - 8);
    }

    /** Viridis at {@code t} in [0, 1], interpolated between nine of its colours. */
    private static int viridis(double t) {
        double x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
        int k = Math.min((int) x, VIRIDIS.length - 2);
        double s = x - k;
        int rgb = 0;
        for (int c = 0; c < 3; c++) {
            rgb = rgb << 8 | (int) Math.round(VIRIDIS[k][c] + s * (VIRIDIS[k + 1][c] - VIRIDIS[k][c]));
        }
        return rgb;
    }

    /** A five-pointed star centred at {@code (x, y)}. */
    private static Polygon star(int x, int y, double outer, double inner) {
        Polygon p = new Polygon();
        for (int k = 0; k < 10; k++) {
            double r = k % 2 == 0 ? outer : inner;
            double angle = -Math.PI / 2 + k * Math.PI / 5;
            p.addPoint((int) Math.round(x + r * Math.cos(angle)), (int) Math.round(y + r * Math.sin(angle)));
        }
        return p;
    }

    /** White text with a black outline, readable on any colour of the map. */
    private static void outlined(Graphics2D g, String text, int x, int y) {
        g.setColor(Color.BLACK);
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                g.drawString(text, x + dx, y + dy);
            }
        }
        g.setColor(Color.WHITE);
        g.drawString(text, x, y);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least {@code rough}. */
    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double m : new double[] {1, 2, 2.5, 5}) {
            if (m * power >= rough) {
                return m * power;
            }
        }
        return 10 * power;
    }

    private static String tick(double t) {
        String s = String.format("%.2f", Math.abs(t) < 1e-12 ? 0 : t);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static int xPixel(double a, double extent) {
        return (int) Math.round(LEFT + (a + extent) / (2 * extent) * SIZE);
    }

    private static int yPixel(double b, double extent) {
        return (int) Math.round(TOP + SIZE - (b + extent) / (2 * extent) * SIZE);
    }
}
