package org.rasd.support.http;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.rasd.support.auth.AuthConfig;

import java.util.List;
import java.util.Set;

/**
 * Describes the API key {@code ApiKeyGuard} asks for, so that Swagger UI's "Authorize" sends it: a bearer scheme,
 * required by every write and by everything below {@code rasd.auth.admin-paths}. Reads need it only where
 * {@code rasd.auth.protect-reads} is on, which the scheme's description says.
 */
public class ApiKeySecurity implements OASFilter {

    public static final String SCHEME = "apiKey";
    private static final Set<PathItem.HttpMethod> READS = Set.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.HEAD,
            PathItem.HttpMethod.OPTIONS);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API key, sent as Authorization: Bearer <key>. Every write needs one, the admin paths an "
                        + "admin key; reads need one only when the service protects reads (RASD_PROTECT_READS)."));
        List<String> adminPaths = ConfigProvider.getConfig().getOptionalValues("rasd.auth.admin-paths", String.class)
                .orElse(List.of(AuthConfig.DEFAULT_ADMIN_PATHS));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (!READS.contains(method) || adminPaths.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"))) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME));
            }
        }));
    }
}
