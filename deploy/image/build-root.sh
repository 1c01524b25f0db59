#!/usr/bin/env bash
# Builds the file tree that goes under the application in Sightline's container image: a Java
# runtime made by jlink from the building JDK (only the modules Sightline uses), the few system
# libraries it links against, copied from this machine, the CA certificates, a user and a data dir.
# No base image and no registry are needed, so the image builds offline (see docs/deploy.md).
# Usage: deploy/image/build-root.sh JAVA_HOME OUTPUT_DIR
set -euo pipefail
java_home="$1"; root="$2"
rm -rf "$root"; mkdir -p "$root"
modules=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,\
java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,\
jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.jfr,jdk.localedata,jdk.management,jdk.management.agent,\
jdk.naming.dns,jdk.net,jdk.unsupported,jdk.zipfs
# The runtime's own class archive (the JDK's classes), made once the runtime is assembled. An archive
# of Sightline's classes is not possible here: CDS refuses a class path with directories, and the
# image's is /app/classes and /app/resources.
"$java_home/bin/jlink" --add-modules "$modules" --include-locales=en,de,es,fr --strip-debug --no-man-pages \
  --no-header-files --compress=2 --output "$root/opt/java" 2> >(grep -v "compress.*deprecated" >&2)
"$root/opt/java/bin/java" -Xshare:dump > /dev/null
# a JDK's security files may be links into /etc (Debian's are): keep the files themselves
for file in "$root"/opt/java/lib/security/* "$root"/opt/java/conf/security/*; do
  [ -L "$file" ] && cp --remove-destination "$(readlink -f "$file")" "$file"
done
if [ -L "$java_home/lib/security/cacerts" ] || [ ! -s "$root/opt/java/lib/security/cacerts" ]; then
  cp "$(readlink -f "$java_home/lib/security/cacerts")" "$root/opt/java/lib/security/cacerts"
fi
# the runtime's own native code, and what it needs from the system (the C library and its loader,
# zlib, libstdc++); libraries used only by desktop modules (fonts, sound, X11) are left out
needed=("$root/opt/java/bin/java" "$root/opt/java/lib/server/libjvm.so")
for lib in java jli zip nio net jimage verify management management_ext extnet prefs j2pkcs11 j2gss jaas syslookup instrument; do
  [ -f "$root/opt/java/lib/lib$lib.so" ] && needed+=("$root/opt/java/lib/lib$lib.so")
done
interpreter=""
for binary in "${needed[@]}"; do
  while read -r path; do
    case "$path" in "$root"*|"") continue ;; esac
    mkdir -p "$root$(dirname "$path")"
    cp -L "$path" "$root$path"
  done < <(LD_LIBRARY_PATH="$root/opt/java/lib:$root/opt/java/lib/server" ldd "$binary" | awk '/=> \//{print $3} /^\s*\/.*ld-linux/{print $1}')
done
[ -e "$root/lib64/ld-linux-x86-64.so.2" ] || [ -e "$root/lib/ld-linux-aarch64.so.1" ] \
  || { echo "the dynamic loader was not found among the runtime's libraries" >&2; exit 1; }
# a user to run as, a writable data dir and a temporary dir (permissions set by Jib)
mkdir -p "$root/etc" "$root/data" "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nsightline:x:10001:10001:Sightline:/data:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nsightline:x:10001:\n' > "$root/etc/group"
echo "built $(du -sh "$root" | cut -f1) under $root from $java_home"
