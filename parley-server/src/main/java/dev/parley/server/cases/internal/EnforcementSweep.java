package dev.parley.server.cases.internal;

import dev.parley.server.cases.CasesSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Marks enforcement actions that ran out as ended, every {@code parley.cases.sweep-interval}. Restrictions do not wait
 * for it: they lapse at their end instant at every send; the sweep records the end and announces it. Safe on any number
 * of nodes: each action is marked by one conditional update.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EnforcementSweep implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(EnforcementSweep.class);

    private final Enforcement enforcement;
    private final CasesSettings settings;

    EnforcementSweep(Enforcement enforcement, CasesSettings settings) {
        this.enforcement = enforcement;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::sweep, settings.sweepInterval());
    }

    private void sweep() {
        try {
            enforcement.sweep();
        } catch (RuntimeException e) {
            log.warn("enforcement sweep failed; it runs again in {}: {}", settings.sweepInterval(), e.toString());
        }
    }
}
