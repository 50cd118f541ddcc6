package org.example.pipelines

import groovy.transform.Field

@Field String NAME = 'x'
