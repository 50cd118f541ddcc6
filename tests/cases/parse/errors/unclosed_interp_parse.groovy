log.info "Project: ${pom.groupId:${pom.artifactId}"
