import { foldQueryMaps, QueryMap } from './query-map';

@QueryMap('field', 'fields')
class WithMap {}
class WithoutMap {}

describe('foldQueryMaps', () => {
  it('gathers prefix.<name> parameters into the declared property and leaves the rest', () => {
    expect(foldQueryMaps(WithMap, { status: 'new', 'field.vehicle_year': '2021', 'field.coverage': 'collision' })).toEqual({
      value: { status: 'new', fields: { vehicle_year: '2021', coverage: 'collision' } },
      errors: [],
    });
  });

  it('leaves a class without maps, and other dotted names, alone', () => {
    const query = { 'field.x': '1' };
    expect(foldQueryMaps(WithoutMap, query)).toEqual({ value: query, errors: [] });
    expect(foldQueryMaps(WithMap, { 'other.x': '1' })).toEqual({ value: { 'other.x': '1' }, errors: [] });
  });

  it('refuses repeated parameters, odd names and too many', () => {
    expect(foldQueryMaps(WithMap, { 'field.x': ['1', '2'] }).errors.map((e) => e.field)).toEqual(['field.x']);
    expect(foldQueryMaps(WithMap, { 'field.a-b': '1', 'field.': '2' }).errors.map((e) => e.field)).toEqual(['field.a-b', 'field.']);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`field.f${i}`, '1']));
    expect(foldQueryMaps(WithMap, many).errors).toHaveLength(1);
  });
});
