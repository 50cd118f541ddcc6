#!/usr/bin/env groovy
# Jenkinsfile for the app
node {
}
