/** The administrators' pages of an erasure: a confirmation step, then the erasure itself (POST). */
package dev.triagedesk.erasure.web;
