package org.openloop.crm.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The OpenAPI description served at {@code /v3/api-docs} (K3); every operation needs a bearer token. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI crmOpenApi() {
        return new OpenAPI()
                .info(new Info().title("OpenLoop CRM API").version("v1")
                        .description("REST API of OpenLoop CRM. Authenticate with a personal access token "
                                + "(POST /api/v1/auth/tokens or the profile page) sent as 'Authorization: Bearer …'. "
                                + "Errors are RFC 9457 problem+json; lists use keyset paging (cursor, size ≤ 100)."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
