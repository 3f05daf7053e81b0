package dev.parley.server.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;

/** Turns every failure of the API into an RFC 9457 problem; bad input is a 4xx, never a 500. */
@RestControllerAdvice
public class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** The media type of problem documents. */
    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final long uploadLimit;
    private final long bodyLimit;

    ProblemHandler(LimitsSettings limits) {
        this.uploadLimit = limits.maxAttachmentBytes();
        this.bodyLimit = limits.maxBodyBytes();
    }

    /** The response for {@code problem}. */
    public static ResponseEntity<Object> response(ProblemException problem) {
        ResponseEntity.BodyBuilder builder =
                ResponseEntity.status(problem.status()).contentType(PROBLEM_JSON);
        problem.headers().forEach(builder::header);
        return builder.body(problem.body());
    }

    /** Writes {@code problem} directly, for filters and entry points outside Spring MVC. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemException problem)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType(PROBLEM_JSON.toString());
        problem.headers().forEach(response::setHeader);
        json.writeValue(response.getOutputStream(), problem.body());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> problem(ProblemException e) {
        return response(e);
    }

    @ExceptionHandler({
        org.springframework.transaction.CannotCreateTransactionException.class,
        org.springframework.jdbc.CannotGetJdbcConnectionException.class
    })
    ResponseEntity<Object> busy(Exception e) {
        log.warn("no database connection in time: {}", e.getMessage());
        return response(
                new ProblemException(503, "unavailable", "Service unavailable", "the server is busy; try again shortly")
                        .header("Retry-After", "1"));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyLimitFilter.BodyTooLargeException) {
                return response(ProblemException.tooLarge(bodyLimit));
            }
        }
        String detail = "the request body is not valid JSON of the expected shape";
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."))
                    .replace(".[", "[");
            return response(ProblemException.invalid(field + ": " + expected(mismatch.getTargetType())));
        }
        if (cause instanceof MismatchedInputException || cause == e) {
            // the body as a whole has the wrong shape (a string, a list, null) or is missing
            return response(ProblemException.invalid("the request body must be a JSON object"));
        }
        if (cause.getMessage() != null) {
            String first = cause.getMessage().lines().findFirst().orElse("");
            detail = detail + ": " + (first.length() > 200 ? first.substring(0, 200) : first);
        }
        return response(ProblemException.invalid(detail));
    }

    /** What a field of this type must be, in a client's words. */
    private static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "not of the expected type";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "must be a number";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Object> invalid(MethodArgumentNotValidException e) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::describe)
                .toList();
        return response(ProblemException.invalid(String.join("; ", errors), errors));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Object> invalidParameters(HandlerMethodValidationException e) {
        List<String> errors = e.getAllErrors().stream()
                .map(error -> String.valueOf(error.getDefaultMessage()))
                .toList();
        return response(ProblemException.invalid(String.join("; ", errors), errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return response(ProblemException.invalid("parameter '" + e.getName() + "' has a wrong value: " + e.getValue()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParameter(MissingServletRequestParameterException e) {
        return response(ProblemException.invalid("parameter '" + e.getParameterName() + "' is missing"));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<Object> missingPart(MissingServletRequestPartException e) {
        return response(ProblemException.invalid("the multipart part '" + e.getRequestPartName() + "' is missing"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> uploadTooLarge(MaxUploadSizeExceededException e) {
        return response(ProblemException.tooLarge(uploadLimit));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> multipart(MultipartException e) {
        if (e.getCause() != null
                && String.valueOf(e.getMostSpecificCause().getMessage()).contains("exceed")) {
            return response(ProblemException.tooLarge(uploadLimit));
        }
        return response(ProblemException.invalid("the request is not a valid multipart upload with a 'file' part"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e) {
        return response(new ProblemException(
                415,
                "unsupported_media_type",
                "Unsupported media type",
                "content type " + e.getContentType() + " is not supported here; supported: "
                        + e.getSupportedMediaTypes()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return response(new ProblemException(406, "not_acceptable", "Not acceptable", "this resource is JSON"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e) {
        ProblemException problem = new ProblemException(
                405, "method_not_allowed", "Method not allowed", "method " + e.getMethod() + " is not allowed here");
        if (e.getSupportedHttpMethods() != null) {
            problem.header(HttpHeaders.ALLOW, String.join(", ", e.getSupportedMethods()));
        }
        return response(problem);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(NoResourceFoundException e) {
        return response(ProblemException.notFound("no such resource: /" + e.getResourcePath()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("unexpected failure", e);
        return response(new ProblemException(
                HttpStatus.INTERNAL_SERVER_ERROR.value(),
                "internal",
                "Internal error",
                "the server failed to handle the request; it was logged"));
    }

    private static String describe(FieldError error) {
        return error.getField() + ": " + error.getDefaultMessage();
    }

    /** A problem body for the JSON error controller. */
    static Map<String, @Nullable Object> bodyFor(ProblemException problem) {
        return problem.body();
    }
}
