package org.openloop.crm.attachment.internal;

import java.nio.file.Path;
import java.util.List;

import org.openloop.crm.attachment.AttachmentStorage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

    /** Local files unless another {@link AttachmentStorage} bean is declared. */
    @Bean
    @ConditionalOnMissingBean(AttachmentStorage.class)
    AttachmentStorage localDirectoryStorage(
            @Value("${crm.attachments.directory:./data/attachments}") Path directory) {
        return new LocalDirectoryStorage(directory);
    }

    @Bean
    FileKinds attachmentFileKinds(@Value("${crm.attachments.allowed-types:pdf,png,jpeg,gif,webp,txt,csv,docx,xlsx,"
            + "pptx,doc,xls,zip}") List<String> allowed) {
        return new FileKinds(allowed);
    }
}
