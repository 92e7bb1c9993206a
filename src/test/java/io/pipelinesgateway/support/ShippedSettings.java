package io.pipelinesgateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * A properties record as the gateway ships it, bound as Spring binds it at start: its defaults, then what the given
 * {@code application*.yml} files set, a later file over an earlier one (a profile's over {@code application.yml}).
 * Tests of the shipped settings read them so, not from the files' text, since a default lives in its record.
 */
public final class ShippedSettings {

    private ShippedSettings() {
    }

    public static <T> T bind(String prefix, Class<T> type, String... files) {
        StandardEnvironment environment = new StandardEnvironment();
        List<PropertySource<?>> sources = new ArrayList<>();
        try {
            for (String file : files) {
                sources.addAll(new YamlPropertySourceLoader().load(file, new ClassPathResource(file)));
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        sources.forEach(source -> environment.getPropertySources().addFirst(source));
        return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()))
                .bindOrCreate(prefix, type);
    }
}
