package dev.parley.core.policy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes the QR codes in an untrusted image. The dimensions are read from the header first: an image declaring more
 * than {@link #MAX_DECLARED_PIXELS} pixels (a decompression bomb) is not decoded, and a large one is decoded with
 * subsampling so that at most {@link #MAX_DECODED_PIXELS} pixels are held in memory. Anything that cannot be read as
 * an image yields no text.
 */
final class QrCodes {
    static final long MAX_DECLARED_PIXELS = 100_000_000L;
    static final long MAX_DECODED_PIXELS = 16_000_000L;
    private static final int MAX_SIDE = 50_000;
    private static final Map<DecodeHintType, Object> HINTS = Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE);

    static {
        // decode in memory: no temporary files for untrusted input
        ImageIO.setUseCache(false);
    }

    private QrCodes() {}

    /** The texts of the QR codes in {@code bytes}; empty when it is not a decodable image or holds none. */
    static List<String> decode(byte[] bytes) {
        BufferedImage image = read(bytes);
        if (image == null) {
            return List.of();
        }
        try {
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, HINTS);
            List<String> texts = new ArrayList<>(results.length);
            for (Result r : results) {
                texts.add(r.getText());
            }
            return texts;
        } catch (NotFoundException e) {
            return List.of();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The image, decoded within the pixel bounds, or null. */
    static @org.jspecify.annotations.Nullable BufferedImage read(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0
                        || height <= 0
                        || width > MAX_SIDE
                        || height > MAX_SIDE
                        || width * height > MAX_DECLARED_PIXELS) {
                    return null;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = 1;
                while ((width / step) * (height / step) > MAX_DECODED_PIXELS) {
                    step++;
                }
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return null;
        }
    }
}
