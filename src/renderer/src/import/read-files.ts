/** Files as the contract carries them: their name and their exact bytes, base64-encoded. */
export async function readFilesForImport(files: readonly File[]): Promise<{ name: string; dataBase64: string }[]> {
  return Promise.all(
    files.map(async (file) => ({ name: file.name, dataBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) }))
  )
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}
