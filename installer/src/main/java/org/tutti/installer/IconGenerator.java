package org.tutti.installer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws Tutti's icon once (the result is committed in installer/src/main/icons): two beamed
 * quavers, white on a deep blue rounded square. Writes {@code tutti.png} (256x256, Linux),
 * {@code tutti.ico} (Windows: the PNG inside an ICO) and {@code tutti.icns} (macOS: the PNG as
 * its 256x256 'ic08' element).
 * <pre>
 * mvn -o -q -pl installer -am compile -DskipTests
 * java -Djava.awt.headless=true -cp installer/target/classes org.tutti.installer.IconGenerator installer/src/main/icons
 * </pre>
 */
public final class IconGenerator {

    static final int SIZE = 256;

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "installer/src/main/icons");
        Files.createDirectories(folder);
        byte[] png = png(draw(SIZE));
        Files.write(folder.resolve("tutti.png"), png);
        Files.write(folder.resolve("tutti.ico"), ico(png, SIZE));
        Files.write(folder.resolve("tutti.icns"), icns(png));
    }

    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 256.0, size / 256.0);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2A, 0x5D, 0x9F), 0, 256, new Color(0x16, 0x36, 0x66)));
        g.fill(new RoundRectangle2D.Double(8, 8, 240, 240, 56, 56));
        g.setColor(Color.WHITE);
        // two note heads, tilted like engraved ones
        for (double[] head : new double[][] {{84, 182}, {172, 160}}) {
            AffineTransform saved = g.getTransform();
            g.rotate(Math.toRadians(-22), head[0], head[1]);
            g.fill(new Ellipse2D.Double(head[0] - 30, head[1] - 21, 60, 42));
            g.setTransform(saved);
        }
        // stems, on the right of the heads
        g.setStroke(new BasicStroke(11, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        Path2D stems = new Path2D.Double();
        stems.moveTo(108, 172);
        stems.lineTo(108, 66);
        stems.moveTo(196, 150);
        stems.lineTo(196, 44);
        g.draw(stems);
        // the beam
        Path2D beam = new Path2D.Double();
        beam.moveTo(102.5, 58);
        beam.lineTo(201.5, 36);
        beam.lineTo(201.5, 66);
        beam.lineTo(102.5, 88);
        beam.closePath();
        g.fill(beam);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** An ICO with one PNG image (Windows Vista and later read PNG inside ICO). */
    static byte[] ico(byte[] png, int size) {
        ByteBuffer buffer = ByteBuffer.allocate(6 + 16 + png.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putShort((short) 0).putShort((short) 1).putShort((short) 1);
        buffer.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)).put((byte) 0).put((byte) 0);
        buffer.putShort((short) 1).putShort((short) 32).putInt(png.length).putInt(6 + 16);
        buffer.put(png);
        return buffer.array();
    }

    /** An ICNS with one 256x256 PNG element ('ic08'). */
    static byte[] icns(byte[] png) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + 8 + png.length).order(ByteOrder.BIG_ENDIAN);
        buffer.put("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + 8 + png.length);
        buffer.put("ic08".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(8 + png.length);
        buffer.put(png);
        return buffer.array();
    }
}
