package vn.loa.plans;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

import vn.loa.plans.PlanProgress.Line;
import vn.loa.plans.PlanProgress.Status;

/**
 * The reports' chart, drawn on the server as a PNG (JFreeChart, DejaVu Sans so that
 * Vietnamese prints as letters): one bar per line, the share of its target achieved,
 * coloured by status and labelled "achieved/target", with the target marked at 100 %.
 * Shares rather than counts, since a plan mixes items and minutes. The same lines give
 * the same picture.
 */
final class PlanChart {

	static final int WIDTH = 1000;

	private static final Font FONT = font();

	private PlanChart() {
	}

	/** The chart of a report's lines, or null when there are none. */
	static byte[] png(List<Line> lines) {
		if (lines.isEmpty()) {
			return null;
		}
		DefaultCategoryDataset data = new DefaultCategoryDataset();
		double highest = 100;
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			double share = (line.target() > 0) ? line.achieved() * 100.0 / line.target() : 0;
			highest = Math.max(highest, Math.min(share, 300));
			data.addValue(Math.min(share, 300), "Tỷ lệ", new Category(i, label(line)));
		}
		JFreeChart chart = ChartFactory.createBarChart(null, null, "Tỷ lệ đạt so với chỉ tiêu (%)", data,
				PlotOrientation.HORIZONTAL, false, false, false);
		StandardChartTheme theme = new StandardChartTheme("Loa");
		theme.setExtraLargeFont(FONT.deriveFont(Font.BOLD, 16f));
		theme.setLargeFont(FONT.deriveFont(13f));
		theme.setRegularFont(FONT.deriveFont(12f));
		theme.setSmallFont(FONT.deriveFont(11f));
		theme.setBarPainter(new StandardBarPainter());
		theme.setShadowVisible(false);
		theme.apply(chart);
		chart.setBackgroundPaint(Color.WHITE);
		CategoryPlot plot = chart.getCategoryPlot();
		plot.setBackgroundPaint(Color.WHITE);
		plot.setRangeGridlinePaint(new Color(0xCFD8DC));
		plot.setOutlineVisible(false);
		CategoryAxis categories = plot.getDomainAxis();
		categories.setMaximumCategoryLabelWidthRatio(0.45f);
		categories.setCategoryMargin(0.25);
		NumberAxis axis = (NumberAxis) plot.getRangeAxis();
		axis.setRange(0, Math.ceil(highest * 1.15 / 10) * 10);
		ValueMarker target = new ValueMarker(100, new Color(0x37474F), new BasicStroke(2f));
		target.setLabel("Chỉ tiêu");
		target.setLabelFont(FONT.deriveFont(11f));
		target.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
		target.setLabelTextAnchor(TextAnchor.TOP_LEFT);
		plot.addRangeMarker(target);
		BarRenderer bars = new BarRenderer() {

			@Override
			public Paint getItemPaint(int row, int column) {
				return colour(lines.get(column).status());
			}

		};
		bars.setBarPainter(new StandardBarPainter());
		bars.setShadowVisible(false);
		bars.setMaximumBarWidth(0.08);
		bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {

			@Override
			public String generateLabel(CategoryDataset dataset, int row, int column) {
				Line line = lines.get(column);
				return line.achieved() + "/" + line.target() + " (" + line.percent() + "%)";
			}

		});
		bars.setDefaultItemLabelsVisible(true);
		bars.setDefaultItemLabelFont(FONT.deriveFont(11f));
		bars.setDefaultPositiveItemLabelPosition(
				new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
		plot.setRenderer(bars);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ChartUtils.writeChartAsPNG(png, chart, WIDTH, height(lines.size()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	static int height(int lines) {
		return 60 + 30 * lines;
	}

	private static String label(Line line) {
		String unit = (line.unitName() != null) ? line.unitName() : line.unit();
		return line.code() + " · " + unit;
	}

	static Color colour(Status status) {
		return switch (status) {
			case DONE -> new Color(0x2E7D32);
			case ON_TRACK -> new Color(0x1565C0);
			case AT_RISK -> new Color(0xEF6C00);
			case OVERDUE -> new Color(0xC62828);
		};
	}

	private static Font font() {
		try (InputStream in = PlanChart.class.getResourceAsStream(PlanReports.FONT)) {
			if (in == null) {
				throw new IllegalStateException("The report font " + PlanReports.FONT + " is missing");
			}
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException | FontFormatException ex) {
			throw new IllegalStateException("The report font cannot be read", ex);
		}
	}

	/**
	 * A bar's category: its position keeps two lines with the same label (a task's code
	 * and unit repeated) apart.
	 */
	private record Category(int index, String label) implements Comparable<Category> {

		@Override
		public int compareTo(Category other) {
			return Integer.compare(this.index, other.index);
		}

		@Override
		public String toString() {
			return this.label;
		}

	}

}
