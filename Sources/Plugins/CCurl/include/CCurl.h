// Swift cannot call C variadic functions, so the curl_*_setopt/getinfo calls HubPluginSupport needs are
// wrapped here with one fixed-type function per argument kind.
#ifndef CCURL_H
#define CCURL_H

#include <curl/curl.h>

/// Write/header callback signature (CURLOPT_WRITEFUNCTION, CURLOPT_HEADERFUNCTION).
typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_string(CURL *handle, CURLoption option, const char *value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value);
CURLcode ccurl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value);
CURLcode ccurl_easy_setopt_callback(CURL *handle, CURLoption option, ccurl_data_callback value);
CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_double(CURL *handle, CURLINFO info, double *value);
CURLMcode ccurl_multi_setopt_long(CURLM *handle, CURLMoption option, long value);

/// Auth bitmask constants (macros with casts Swift does not import).
long ccurl_auth_basic(void);
long ccurl_auth_ntlm(void);
long ccurl_auth_any(void);

#endif
