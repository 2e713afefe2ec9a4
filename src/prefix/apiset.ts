/**
 * @file Stage 2 (Wine prefix): API-set names (`api-ms-win-*`, `ext-ms-win-*`) to host DLLs.
 *
 * Windows resolves an API-set contract through the schema in apisetschema.dll before any file
 * search, matching the name without its last `-N` (so `...-l1-2-0` and `...-l1-2-1` are the
 * same contract). Wine ships the same idea: its apisetschema.dll and, in some versions, stub
 * `api-ms-win-*.dll` files. We only consult this table when no file of that name exists in the
 * search order (resolve.ts), because a real file is what Wine would load.
 *
 * The table is our own condensed rule list, derived from the contract -> host facts in Wine's
 * dlls/apisetschema (the hosts Wine maps to, which differ from Windows 10 for a few contracts).
 * Rules are tried in order; the first prefix that matches the contract stem wins, so the
 * specific exceptions come before the family defaults.
 *
 *   apiSetHost("api-ms-win-core-synch-l1-2-0.dll");   // "kernelbase.dll"
 *   apiSetHost("API-MS-WIN-CRT-RUNTIME-L1-1-0");      // "ucrtbase.dll"
 *   apiSetHost("ext-ms-win-foo-l1-1-0.dll");          // undefined (unknown contract)
 */

/** [stem prefix (after "api-ms-win-" / "ext-ms-win-"), host]. Position is priority. */
const API_RULES: [string, string][] = [
  // core-* exceptions to the kernelbase default
  ["core-apiquery-l1-", "ntdll.dll"],
  ["core-rtlsupport-", "ntdll.dll"],
  ["core-xstate-l1-", "ntdll.dll"],
  ["core-crt-", "msvcrt.dll"],
  ["core-com-", "combase.dll"],
  ["core-marshal-", "combase.dll"],
  ["core-winrt-", "combase.dll"],
  ["core-registry-l2-", "advapi32.dll"],
  ["core-shutdown-", "advapi32.dll"],
  ["core-featurestaging-", "shcore.dll"],
  ...[
    "appinit", "atoms", "calendar", "console-ansi-l2", "file-ansi", "firmware", "heap-obsolete", "io-", "job-l2",
    "kernel32-legacy", "kernel32-private", "localization-ansi", "namedpipe-ansi", "namespace-ansi", "privateprofile",
    "processenvironment-ansi", "processsecurity", "processthreads", "processtopology-obsolete", "sidebyside-ansi",
    "string-obsolete", "synch-ansi", "toolhelp", "ums-", "util-",
  ].map((s): [string, string] => [`core-${s}`, "kernel32.dll"]),
  ["core-", "kernelbase.dll"],
  ["crt-", "ucrtbase.dll"],
  ["deprecated-apis-obsolete-", "kernelbase.dll"],
  ["devices-config-", "cfgmgr32.dll"],
  ["downlevel-advapi32-l2-", "sechost.dll"],
  ["downlevel-kernel32-l2-", "kernel32.dll"],
  ["downlevel-ole32-", "combase.dll"],
  ["downlevel-shell32-", "shcore.dll"],
  ["downlevel-shlwapi-l2-", "shcore.dll"],
  ["downlevel-", "kernelbase.dll"],
  ["dx-d3dkmt-", "gdi32.dll"],
  ["eventing-consumer-", "sechost.dll"],
  ["eventing-controller-", "sechost.dll"],
  ["eventing-legacy-", "advapi32.dll"],
  ["eventing-", "kernelbase.dll"],
  ["eventlog-legacy-", "advapi32.dll"],
  ["gaming-deviceinformation-", "kernelbase.dll"],
  ["gaming-tcui-", "gamingtcui.dll"],
  ["http-time-", "kernelbase.dll"],
  ["legacy-shlwapi-", "kernelbase.dll"],
  ["mm-", "winmm.dll"],
  ["ntuser-", "user32.dll"],
  ["obsolete-", "kernelbase.dll"],
  ["oobe-notification-", "kernel32.dll"],
  ["power-", "powrprof.dll"],
  ["rtcore-ntuser-", "user32.dll"],
  ["security-activedirectoryclient-", "ntdsapi.dll"],
  ["security-appcontainer-", "kernelbase.dll"],
  ["security-base-", "kernelbase.dll"],
  ["security-grouppolicy-", "kernelbase.dll"],
  ["security-cryptoapi-", "cryptsp.dll"],
  ["security-lsalookup-l1-", "sechost.dll"],
  ["security-lsalookup-", "advapi32.dll"],
  ["security-provider-", "advapi32.dll"],
  ["security-systemfunctions-", "advapi32.dll"],
  ["security-", "sechost.dll"], // audit, credentials, lsapolicy, sddl
  ["service-", "sechost.dll"],
  ["shcore-", "shcore.dll"],
  ["shell-", "shell32.dll"],
  ["stateseparation-helpers-", "kernelbase.dll"],
  ["appmodel-runtime-", "kernelbase.dll"],
];

const EXT_RULES: [string, string][] = [
  ["authz-", "authz.dll"],
  ["dwmapi-", "dwmapi.dll"],
  ["gdi-", "gdi32.dll"],
  ["kernel32-package", "kernelbase.dll"],
  ["kernel32-", "kernel32.dll"],
  ["kernelbase-processthread-", "kernel32.dll"],
  ["ntuser-", "user32.dll"],
  ["oleacc-", "oleacc.dll"],
  ["ras-rasapi32-", "rasapi32.dll"],
  ["rtcore-gdi-", "gdi32.dll"],
  ["rtcore-ntuser-", "user32.dll"],
  ["security-credui-", "credui.dll"],
  ["security-cryptui-", "cryptui.dll"],
  ["shell-comctl32-", "comctl32.dll"],
  ["shell-comdlg32-", "comdlg32.dll"],
  ["shell-shell32-", "shell32.dll"],
  ["uxtheme-", "uxtheme.dll"],
];

/** True for names the loader treats as API-set contracts. */
export const isApiSetName = (name: string): boolean => /^(api|ext)-ms-/i.test(name);

/** Host DLL (lowercase, with .dll) for an API-set contract, or undefined when unknown. */
export function apiSetHost(name: string): string | undefined {
  const lower = name.toLowerCase().replace(/\.dll$/, "");
  const m = /^(api|ext)-ms-win-(.*?)(?:-\d+)?$/.exec(lower);
  if (!m) return undefined;
  // the contract stem keeps a trailing "-" so "io-" cannot match "ioring"
  const stem = `${m[2]}-`;
  for (const [prefix, host] of m[1] === "api" ? API_RULES : EXT_RULES) if (stem.startsWith(prefix)) return host;
  return undefined;
}
