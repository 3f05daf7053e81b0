package dev.parley.server.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The pages' language resolver (the bean name Spring MVC looks for). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    @Bean(name = "localeResolver")
    LocaleResolver localeResolver() {
        return new InterfaceLanguage();
    }
}
