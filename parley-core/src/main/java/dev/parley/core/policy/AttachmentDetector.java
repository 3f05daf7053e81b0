package dev.parley.core.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges attachments on their bytes: executables and scripts are {@code malware} (clause 3.5), and a readable image
 * whose QR codes hold an off-platform contact is {@code qr_code} (clause 3.4). Both findings are unlocated.
 */
final class AttachmentDetector implements Detector {
    private final OffPlatformContactDetector contact;

    AttachmentDetector(OffPlatformContactDetector contact) {
        this.contact = contact;
    }

    @Override
    public void detect(Message message, List<Finding> findings) {
        for (Attachment attachment : message.request().attachments()) {
            byte[] bytes = attachment.bytes();
            if (FileSniffer.executableKind(bytes).isPresent()) {
                findings.add(Finding.unlocated(Rule.PROHIBITED_USE, "malware"));
                continue;
            }
            for (String text : QrCodes.decode(bytes)) {
                List<Finding> inside = new ArrayList<>();
                contact.find(NormalizedText.of(text), Regions.of(message.request()), inside);
                for (Finding f : inside) {
                    if (f.rule() == Rule.OFF_PLATFORM_CONTACT) {
                        findings.add(Finding.unlocated(Rule.OFF_PLATFORM_CONTACT, "qr_code"));
                    } else if (f.rule() == Rule.PROHIBITED_USE) {
                        findings.add(Finding.unlocated(Rule.PROHIBITED_USE, "malware"));
                    }
                }
            }
        }
    }
}
