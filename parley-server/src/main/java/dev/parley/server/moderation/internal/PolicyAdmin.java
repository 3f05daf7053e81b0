package dev.parley.server.moderation.internal;

import dev.parley.core.policy.PolicyConfig;
import dev.parley.core.policy.PolicyConfigException;
import dev.parley.server.moderation.PolicyActivated;
import dev.parley.server.shared.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validates candidate policies and activates them: an activation is one row in {@code policy_version} (the active
 * policy of every node from its commit on), installed on this node at once and announced to the others. A policy that
 * does not validate is never stored, so the active one stays; one version names one set of rules (a changed policy
 * needs a new version, so that every verdict can be traced to the rules that gave it).
 */
@Component
class PolicyAdmin {
    private static final int ATTEMPTS = 5;

    private final PolicyStore store;
    private final PolicyCompiler compiler;
    private final ActivePolicy active;
    private final PolicyFile file;
    private final PolicyMetrics metrics;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyAdmin(
            PolicyStore store,
            PolicyCompiler compiler,
            ActivePolicy active,
            PolicyFile file,
            PolicyMetrics metrics,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.compiler = compiler;
        this.active = active;
        this.file = file;
        this.metrics = metrics;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of an activation: whether it changed the active policy, the active policy, and the one before. */
    record Activation(
            boolean changed, PolicyRecord active, @Nullable PolicyRecord previous) {}

    /** Parses and compiles a candidate; {@code 400 invalid_request} naming every problem when it cannot be used. */
    CompiledPolicy compile(String text, String source) {
        try {
            return compiler.compile(text, source);
        } catch (PolicyConfigException e) {
            throw invalid("the policy is invalid", e.problems());
        }
    }

    /** The problem of activating {@code candidate} under its version, if that version names other rules already. */
    @Nullable
    String versionConflict(CompiledPolicy candidate) {
        for (PolicyRecord r : store.withVersion(candidate.version())) {
            if (r.sha256().equals(candidate.sha256())) {
                continue;
            }
            PolicyConfig earlier;
            try {
                earlier = PolicyConfig.parse(r.text(), "activation " + r.seq());
            } catch (PolicyConfigException e) {
                earlier = null;
            }
            if (!candidate.config().equals(earlier)) {
                return "version \"" + candidate.version() + "\" was already activated (activation " + r.seq()
                        + ") with other rules; give the changed policy a new version";
            }
        }
        return null;
    }

    /** Re-reads the policy file (or the built-in policy) and activates it. */
    Activation reloadFile(String by) {
        PolicyFile.Text text;
        CompiledPolicy candidate;
        try {
            text = file.read();
            candidate = compiler.compile(text.text(), text.source());
        } catch (PolicyConfigException e) {
            metrics.activation("invalid");
            ActivePolicy.Installed now = active.current();
            throw invalid(
                            (file.path() == null ? "the built-in policy" : "the policy file " + file.path())
                                    + " is invalid; policy " + now.version() + " (activation " + now.seq()
                                    + ") stays active",
                            e.problems())
                    .with("activeVersion", now.version());
        }
        return activate(candidate, text.source(), by);
    }

    /** Activates a policy text sent by an operator. */
    Activation activateText(String text, String by) {
        return activateText(text, "api", by);
    }

    /** Activates again the policy of an earlier activation (a rollback); {@code 404} when there is none. */
    Activation reactivate(long seq, String by) {
        PolicyRecord earlier =
                store.bySeq(seq).orElseThrow(() -> ProblemException.notFound("no policy activation " + seq));
        return activateText(earlier.text(), "activation " + seq, by);
    }

    private Activation activateText(String text, String source, String by) {
        CompiledPolicy candidate;
        try {
            candidate = compiler.compile(text, "request");
        } catch (PolicyConfigException e) {
            metrics.activation("invalid");
            ActivePolicy.Installed now = active.current();
            throw invalid(
                            "the policy is invalid; policy " + now.version() + " (activation " + now.seq()
                                    + ") stays active",
                            e.problems())
                    .with("activeVersion", now.version());
        }
        return activate(candidate, source, by);
    }

    private Activation activate(CompiledPolicy candidate, String source, String by) {
        for (int attempt = 1; ; attempt++) {
            try {
                Activation done = Objects.requireNonNull(tx.execute(status -> activateOnce(candidate, source, by)));
                if (done.changed()) {
                    metrics.activation("activated");
                    active.install(new ActivePolicy.Installed(done.active(), candidate));
                    active.announce(done.active().seq());
                } else {
                    metrics.activation("unchanged");
                }
                return done;
            } catch (DuplicateKeyException raced) {
                if (attempt == ATTEMPTS) {
                    throw new ProblemException(
                            409, "conflict", "Concurrent activation", "other activations kept racing this one; retry");
                }
            }
        }
    }

    private Activation activateOnce(CompiledPolicy candidate, String source, String by) {
        PolicyRecord previous = store.active().orElseThrow();
        if (previous.sha256().equals(candidate.sha256())) {
            return new Activation(false, previous, null);
        }
        String conflict = versionConflict(candidate);
        if (conflict != null) {
            metrics.activation("invalid");
            ActivePolicy.Installed now = active.current();
            throw invalid(
                            "the policy cannot be activated; policy " + now.version() + " (activation " + now.seq()
                                    + ") stays active",
                            List.of(conflict))
                    .with("activeVersion", now.version());
        }
        PolicyRecord next = new PolicyRecord(
                previous.seq() + 1,
                candidate.version(),
                source,
                candidate.text(),
                candidate.sha256(),
                by,
                clock.instant());
        store.insert(next);
        events.publishEvent(new PolicyActivated(next.seq(), next.version(), next.source(), by, next.activatedAt()));
        return new Activation(true, next, previous);
    }

    private static ProblemException invalid(String detail, List<String> problems) {
        List<String> errors = new ArrayList<>(problems);
        return ProblemException.invalid(detail + ": " + String.join("; ", errors), errors);
    }
}
