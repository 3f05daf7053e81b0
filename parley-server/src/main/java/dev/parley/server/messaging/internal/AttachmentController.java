package dev.parley.server.messaging.internal;

import dev.parley.server.accounts.Actor;
import dev.parley.server.shared.LimitsSettings;
import dev.parley.server.shared.ProblemException;
import dev.parley.server.shared.TimeOrderedIds;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads ({@code POST /api/v1/attachments}, multipart part {@code file}) and downloads. The type is judged from the
 * bytes; buyers may attach PNG, JPEG, GIF and WebP images only; anything over the limit is 413.
 */
@RestController
@RequestMapping("/api/v1/attachments")
class AttachmentController {
    private final AttachmentFiles files;
    private final MessagingStore store;
    private final TimeOrderedIds ids;
    private final Clock clock;
    private final LimitsSettings limits;
    private final MessagingService messaging;

    AttachmentController(
            AttachmentFiles files,
            MessagingStore store,
            TimeOrderedIds ids,
            Clock clock,
            LimitsSettings limits,
            MessagingService messaging) {
        this.files = files;
        this.store = store;
        this.ids = ids;
        this.clock = clock;
        this.limits = limits;
        this.messaging = messaging;
    }

    @Operation(summary = "Upload a file to attach to a message (multipart, part 'file')")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(
            @AuthenticationPrincipal Actor actor, @RequestPart("file") MultipartFile file) {
        if (!(actor.isBuyer() || actor.kind() == Actor.Kind.SELLER || actor.isApiClient())) {
            throw ProblemException.forbidden("only buyers and shop teams attach files");
        }
        if (actor.isApiClient() && !actor.scopes().contains(Actor.WRITE)) {
            throw ProblemException.forbidden("this API token may not send");
        }
        if (file.getSize() > limits.maxAttachmentBytes()) {
            throw ProblemException.tooLarge(limits.maxAttachmentBytes());
        }
        if (file.isEmpty()) {
            throw ProblemException.invalid("file: the file is empty");
        }
        String contentType;
        try (InputStream in = file.getInputStream()) {
            contentType = AttachmentFiles.sniff(in.readNBytes(4096));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (actor.isBuyer() && !AttachmentFiles.IMAGES.contains(contentType)) {
            throw new ProblemException(
                            415,
                            "unsupported_media_type",
                            "Unsupported media type",
                            "buyers may attach PNG, JPEG, GIF or WebP images only; this file is " + contentType)
                    .with("allowed", AttachmentFiles.IMAGES);
        }
        String id = ids.next();
        String name = safeName(file.getOriginalFilename());
        AttachmentFiles.Stored stored;
        try (InputStream in = file.getInputStream()) {
            stored = files.store(id, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store.insertAttachment(
                id, actor.senderKey(), name, contentType, stored.size(), stored.sha256(), Instant.now(clock));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("contentType", contentType);
        body.put("size", stored.size());
        return ResponseEntity.status(201).body(body);
    }

    @Operation(summary = "Download an attachment (its uploader, or whoever may see its conversation)")
    @GetMapping("/{id}")
    ResponseEntity<Resource> download(@AuthenticationPrincipal Actor actor, @PathVariable String id) {
        MessagingStore.AttachmentRow row = store.attachments(List.of(id)).stream()
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("no attachment '" + id + "'"));
        if (!row.ownerKey().equals(actor.senderKey())) {
            if (row.conversationId() == null) {
                throw ProblemException.notFound("no attachment '" + id + "'");
            }
            messaging.visible(actor, row.conversationId());
        }
        if (!Files.exists(files.path(id))) {
            throw ProblemException.notFound("the bytes of attachment '" + id + "' are gone");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(row.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(row.name(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(files.path(id)));
    }

    private static String safeName(String original) {
        String name = original == null || original.isBlank() ? "file" : original;
        name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
