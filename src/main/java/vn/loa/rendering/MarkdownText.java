package vn.loa.rendering;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Markdown reduced to what can be said: one line per paragraph, heading or list item;
 * emphasis, link targets, images and HTML dropped. A link keeps its text; an autolink
 * keeps its address so that the address can be spelled for the listener.
 */
final class MarkdownText {

	private static final Parser PARSER = Parser.builder().build();

	private MarkdownText() {
	}

	static List<String> lines(String markdown) {
		Collector collector = new Collector();
		PARSER.parse(markdown).accept(collector);
		collector.endBlock(false);
		return collector.lines;
	}

	private static final class Collector extends AbstractVisitor {

		private final List<String> lines = new ArrayList<>();

		private final StringBuilder current = new StringBuilder();

		@Override
		public void visit(Paragraph paragraph) {
			visitChildren(paragraph);
			endBlock(false);
		}

		@Override
		public void visit(Heading heading) {
			visitChildren(heading);
			// A heading read aloud needs the pause a full stop gives a speech
			// synthesiser.
			endBlock(true);
		}

		@Override
		public void visit(ListItem listItem) {
			endBlock(false);
			visitChildren(listItem);
			endBlock(false);
		}

		@Override
		public void visit(BlockQuote blockQuote) {
			visitChildren(blockQuote);
			endBlock(false);
		}

		@Override
		public void visit(FencedCodeBlock codeBlock) {
			codeBlock.getLiteral().lines().forEach(this::addLine);
		}

		@Override
		public void visit(IndentedCodeBlock codeBlock) {
			codeBlock.getLiteral().lines().forEach(this::addLine);
		}

		@Override
		public void visit(HtmlBlock htmlBlock) {
			// Raw HTML is layout, not speech.
		}

		@Override
		public void visit(HtmlInline htmlInline) {
		}

		@Override
		public void visit(Image image) {
			// An image cannot be heard; its alt text is usually a caption already said.
		}

		@Override
		public void visit(ThematicBreak thematicBreak) {
			endBlock(false);
		}

		@Override
		public void visit(Text text) {
			this.current.append(text.getLiteral());
		}

		@Override
		public void visit(Code code) {
			this.current.append(code.getLiteral());
		}

		@Override
		public void visit(SoftLineBreak softLineBreak) {
			this.current.append(' ');
		}

		@Override
		public void visit(HardLineBreak hardLineBreak) {
			this.current.append(' ');
		}

		@Override
		protected void visitChildren(Node parent) {
			super.visitChildren(parent);
		}

		private void addLine(String line) {
			endBlock(false);
			this.current.append(line);
			endBlock(false);
		}

		void endBlock(boolean heading) {
			String line = this.current.toString().replaceAll("\\s+", " ").strip();
			this.current.setLength(0);
			if (line.isEmpty()) {
				return;
			}
			if (heading && !endsWithPunctuation(line)) {
				line = line + ".";
			}
			this.lines.add(line);
		}

		private static boolean endsWithPunctuation(String line) {
			char last = line.charAt(line.length() - 1);
			return ".!?:;…".indexOf(last) >= 0;
		}

	}

}
