// What `npm start` tells the developer: how to trust the certificate, sideload the add-in, push the Sheets project.

/** One-liners that make browsers and Office trust the development CA. */
export function trustInstructions(caFile: string): string {
  return `The development certificate is not trusted yet. Trust its CA once (${caFile}):
  Linux (system):    sudo cp "${caFile}" /usr/local/share/ca-certificates/sales-kpi-dev-ca.crt && sudo update-ca-certificates
  Linux (Chrome/Edge, needs libnss3-tools):
                     certutil -d sql:$HOME/.pki/nssdb -A -t "C,," -n "Sales KPI development CA" -i "${caFile}"
  macOS:             security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${caFile}"
  Windows:           certutil -user -addstore Root "${caFile}"
Then restart the browser (and Excel). The CA can vouch only for localhost, 127.0.0.1 and ::1, and
lasts a year; docs/hosts.md ("Removing the development CA") says how to untrust it again.`;
}

/** How to load manifest.xml into Excel, and where the Sheets steps are. */
export function sideloadInstructions(manifestFile: string, baseUrl: string): string {
  return `Serving dist/excel/ at ${baseUrl} (Ctrl+C stops).

Excel on the web: open a workbook, Insert › Add-ins › More Add-ins (or Home › Add-ins) › Upload My Add-in,
  choose ${manifestFile}. Then type =KPI. in a cell, or Home › KPI Templates.
Excel on Windows: put manifest.xml in a shared folder, add its \\\\computer\\share path under File › Options ›
  Trust Center › Trust Center Settings › Trusted Add-in Catalogs (tick "Show in Menu"), restart Excel,
  then Insert › My Add-ins › Shared Folder.
Excel on Mac: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/
  (create the folder if needed), restart Excel, then Insert › My Add-ins.
Google Sheets: npm run sheets:push (one-time clasp setup in docs/hosts.md).`;
}
