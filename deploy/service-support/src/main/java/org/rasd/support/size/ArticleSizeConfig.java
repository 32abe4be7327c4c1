package org.rasd.support.size;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.List;
import java.util.Map;

/**
 * Gives every service the limits that follow from {@value ArticleSizeLimit#VARIABLE}, as configuration its
 * properties can refer to: {@code rasd.max-article-size} (the HTTP body limit) and {@code rasd.max-record-size}
 * (the Kafka producers' {@code max.request.size} and the consumers' fetch sizes) and {@code rasd.max-topic-record-size}
 * (what a topic takes: a record and a dead letter's headers), all in bytes. Configuration
 * has no arithmetic, hence a source of its own.
 */
public class ArticleSizeConfig implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue setting = context.getValue(ArticleSizeLimit.VARIABLE);
        long articleBytes = ArticleSizeLimit.parse(setting == null || setting.getValue() == null
                ? ArticleSizeLimit.DEFAULT : setting.getValue());
        return List.of(new PropertiesConfigSource(Map.of(
                "rasd.max-article-size", Long.toString(articleBytes),
                "rasd.max-record-size", Long.toString(ArticleSizeLimit.recordBytes(articleBytes)),
                "rasd.max-topic-record-size", Long.toString(ArticleSizeLimit.topicBytes(articleBytes))),
                "rasd-article-size", 50));
    }
}
