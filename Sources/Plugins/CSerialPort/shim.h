// libserialport (Debian libserialport-dev) for the access-control plugin's hardware serial ports.
#include <libserialport.h>
