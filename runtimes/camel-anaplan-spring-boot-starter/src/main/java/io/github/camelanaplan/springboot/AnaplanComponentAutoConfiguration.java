package io.github.camelanaplan.springboot;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelanaplan.component.AnaplanComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Applies {@code camel.component.anaplan.*} (kebab-case or camelCase, any Spring property source) to every
 * {@link AnaplanComponent} the context creates, through the component's generated configurer — the same options, names
 * and conversions ({@code 30s}, {@code 1m30s}, {@code #bean:name}) as in Camel Main and Camel Quarkus.
 * {@code camel.component.anaplan.enabled=false} turns it off.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnClass({ CamelContext.class, AnaplanComponent.class })
@ConditionalOnProperty(name = "camel.component.anaplan.enabled", havingValue = "true", matchIfMissing = true)
public class AnaplanComponentAutoConfiguration {

    static final String PREFIX = "camel.component.anaplan";

    @Bean
    public ComponentCustomizer anaplanComponentCustomizer(Environment environment) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                AnaplanComponent component = (AnaplanComponent) target;
                Map<String, Object> options = options(environment);
                if (options.isEmpty()) {
                    return;
                }
                CamelContext context = component.getCamelContext();
                PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
                PropertyBindingSupport.build().withCamelContext(context).withTarget(component).withConfigurer(configurer)
                        .withProperties(options).withRemoveParameters(true).withIgnoreCase(true).withMandatory(true)
                        .withReflection(false).bind();
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof AnaplanComponent;
            }
        };
    }

    /** The options under the prefix, camelCased, without this starter's own switches. */
    static Map<String, Object> options(Environment environment) {
        Map<String, String> raw = Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Map<String, Object> options = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            if (!key.equals("enabled") && !key.startsWith("customizer")) {
                options.put(StringHelper.dashToCamelCase(key), value);
            }
        });
        return options;
    }
}
